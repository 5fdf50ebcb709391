package de.amtsdesk.core.notice;

import de.amtsdesk.core.cases.templates.TemplatePreview;
import de.amtsdesk.core.cases.templates.TemplateRenderer;
import de.amtsdesk.core.cases.templates.TemplateText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Fills a notice template with a case's facts; reports gaps instead of throwing, like the reply templates. */
public final class NoticeComposer {

    private NoticeComposer() {
    }

    public static NoticeDraft compose(NoticeTemplate template, NoticeFacts facts) {
        TemplatePreview title = TemplateRenderer.preview(TemplateText.parse(template.title()), facts.values());
        TemplatePreview body = TemplateRenderer.preview(TemplateText.parse(template.body()), facts.values());
        Set<String> missing = new LinkedHashSet<>(title.missing());
        missing.addAll(body.missing());
        return new NoticeDraft(facts, template.id(), title.text(), body.text(), List.copyOf(missing));
    }
}
