package de.amtsdesk.app.notice;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.NoticeSignOff;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.Letterhead;
import de.amtsdesk.core.notice.NoticeAttachment;
import de.amtsdesk.core.notice.NoticeComposer;
import de.amtsdesk.core.notice.NoticeDraft;
import de.amtsdesk.core.notice.NoticeFacts;
import de.amtsdesk.core.notice.NoticePdfWriter;
import de.amtsdesk.core.notice.NoticePreview;
import de.amtsdesk.core.notice.NoticeSigner;
import de.amtsdesk.core.notice.NoticeTemplate;
import de.amtsdesk.core.notice.NoticeTemplateCatalogue;
import de.amtsdesk.core.notice.NoticeKeySource;
import de.amtsdesk.core.notice.Pkcs11KeySource;
import de.amtsdesk.core.notice.Pkcs12KeySource;
import de.amtsdesk.core.staff.NoticeSending;
import de.amtsdesk.core.store.NoticeDraftRepository;
import de.amtsdesk.core.store.NoticeDraftStore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notice editor of one case (ADR 0017), without the toolkit: the templates for the case's type, the gaps the
 * chosen template leaves (placeholders without a value, each named and fillable), a live preview of the first page
 * (core's renderer), and the steps draft → request sign-off → (a second member approves in the case panel) → sign
 * with a PKCS#12 key (B-T when a TSA URL is given, else B-B) → send to the citizen, encrypted, with a templated text.
 * Each step is refused with a reason in {@link #messageProperty()} when its precondition is missing.
 *
 * <p>The draft's PDF lives in this view model only (the workspace keeps one per case while the app runs): the
 * approval names its exact SHA-256, and re-rendering later would give other bytes (creation time).
 */
public final class NoticeEditorViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeEditorViewModel.class);

    /** The kinds of signing key the editor offers (the Windows certificate store follows on Windows, ADR 0017). */
    public enum KeyKind { PKCS12, PKCS11 }

    /** One placeholder the template needs and the case does not provide. */
    public record Gap(String name, StringProperty value) {
    }

    /** Where the draft stands. */
    public enum Stage {
        EDITING, REQUESTED, APPROVED, REJECTED, SIGNED, SENT
    }

    private final CaseDesk desk;
    private final String caseId;
    private final NoticeTemplateCatalogue catalogue;
    /** Read at each render: a letterhead the lead sets while the editor is open is on the next preview. */
    private java.util.function.Supplier<Letterhead> letterhead;
    private final ReadOnlyBooleanWrapper letterheadMissing = new ReadOnlyBooleanWrapper(false);
    private final Locale locale;
    private final ZoneId zone;
    private final Clock clock;
    private final NoticeWork work;
    private final Translations text;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<NoticeTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<NoticeTemplate> template = new SimpleObjectProperty<>();
    private final ObservableList<Gap> gaps = FXCollections.observableArrayList();
    /** Files that go inside the notice as PDF/A-3 associated files (embedded when sign-off is requested). */
    private final ObservableList<NoticeAttachment> attachments = FXCollections.observableArrayList();
    private final Map<String, StringProperty> gapValues = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BufferedImage> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.EDITING);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
    private final StringProperty keyFile = new SimpleStringProperty("");
    /** Where the signing key is: a PKCS#12 file ({@link #keyFile}) or a token reached through a PKCS#11 library. */
    private final ObjectProperty<KeyKind> keyKind = new SimpleObjectProperty<>(KeyKind.PKCS12);
    private final StringProperty pkcs11Library = new SimpleStringProperty("");
    private final javafx.beans.property.IntegerProperty pkcs11Slot = new javafx.beans.property.SimpleIntegerProperty(0);
    /** B-LT: embed the chain's revocation data; offered where revocation sources are configured. */
    private final javafx.beans.property.BooleanProperty longTerm = new javafx.beans.property.SimpleBooleanProperty();
    private java.util.function.Supplier<de.amtsdesk.core.notice.TrustSettings> revocation;
    private final StringProperty tsaUrl = new SimpleStringProperty("");
    /** The admin policy names the time-stamping authority: the field shows it and cannot be changed. */
    private final ReadOnlyBooleanWrapper tsaLocked = new ReadOnlyBooleanWrapper(false);
    private NoticeDraft draft;
    private final NoticeDraftStore drafts;
    private boolean restoring;
    private byte[] requestedPdf;      // the bytes sign-off was requested for
    private NoticePdfWriter.RenderedNotice requested;
    private String requestedSha;
    private byte[] signedPdf;
    private long previewGeneration;   // FX thread only: a newer preview wins

    public NoticeEditorViewModel(CaseDesk desk, String caseId, NoticeTemplateCatalogue catalogue,
            Letterhead letterhead, Locale locale, ZoneId zone, Clock clock, NoticeWork work, Translations text,
            Executor background, Executor ui) {
        this(desk, caseId, catalogue, letterhead, locale, zone, clock, work, text, background, ui,
                NoticeDraftStore.inMemory());
    }

    /**
     * With the store the draft is kept in (the staff profile's encrypted database): a saved draft is restored —
     * template, typed gaps, and the exact PDF bytes sign-off was requested for, so an approval given while this
     * workstation was off or restarted can still be signed.
     */
    public NoticeEditorViewModel(CaseDesk desk, String caseId, NoticeTemplateCatalogue catalogue,
            Letterhead letterhead, Locale locale, ZoneId zone, Clock clock, NoticeWork work, Translations text,
            Executor background, Executor ui, NoticeDraftStore drafts) {
        this.drafts = drafts;
        this.desk = desk;
        this.caseId = caseId;
        this.catalogue = catalogue;
        this.letterhead = () -> letterhead;
        this.locale = locale;
        this.zone = zone;
        this.clock = clock;
        this.work = work;
        this.text = text;
        this.background = background;
        this.ui = ui;
        Case c = theCase();
        templates.setAll(catalogue.forCase(c.isTyped() ? c.type() : null, locale));
        template.addListener((obs, old, now) -> recompose());
        if (!templates.isEmpty()) {
            template.set(templates.getFirst());
        }
        drafts.load(caseId).ifPresent(this::restore);
        template.addListener((obs, old, now) -> persist());
        updateStage();
        desk.addListener(listener);
    }

    /** Puts a saved draft back: the template (if still offered), the typed gaps, the requested and signed bytes. */
    private void restore(NoticeDraftRepository.NoticeDraftState saved) {
        restoring = true;
        try {
            templates.stream().filter(t -> t.id().equals(saved.templateId())).findFirst().ifPresent(template::set);
            attachments.setAll(saved.attachments());
            saved.gapValues().forEach((name, value) -> {
                StringProperty gap = gapValues.get(name);
                if (gap != null) {
                    gap.set(value);
                }
            });
            if (saved.requestedPdf() != null) {
                requested = new NoticePdfWriter.RenderedNotice(saved.requestedPdf(), saved.requestedPages());
                requestedPdf = requested.pdf();
                requestedSha = requested.sha256();
                signedPdf = saved.signedPdf();
                if (saved.sent()) {
                    stage.set(Stage.SENT);
                }
            }
        } finally {
            restoring = false;
        }
    }

    /** Saves the draft as it is now, off the FX thread; while restoring, nothing is written back. */
    private void persist() {
        NoticeTemplate chosen = template.get();
        if (restoring || chosen == null) {
            return;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        gapValues.forEach((name, value) -> {
            if (value.get() != null && !value.get().isBlank()) {
                typed.put(name, value.get());
            }
        });
        var state = new NoticeDraftRepository.NoticeDraftState(caseId, chosen.id(), typed, List.copyOf(attachments),
                requestedPdf,
                requested == null ? 0 : requested.pageCount(), signedPdf, stage.get() == Stage.SENT, clock.instant());
        background.execute(() -> {
            try {
                drafts.save(state);
            } catch (RuntimeException e) {
                LOG.warn("notice draft not saved: {}", e.getClass().getSimpleName());
                ui.execute(() -> message.set(text.get("notice.draftNotSaved",
                        de.amtsdesk.app.LogLocation.directory())));
            }
        });
    }

    /** A sign-off decided on another workstation comes back as an audit entry of this case. */
    private final de.amtsdesk.core.cases.CaseBookListener listener = new de.amtsdesk.core.cases.CaseBookListener() {
        @Override
        public void auditRecorded(String id) {
            if (caseId.equals(id)) {
                ui.execute(NoticeEditorViewModel.this::updateStage);
            }
        }
    };

    public void dispose() {
        desk.removeListener(listener);
    }

    private Case theCase() {
        return desk.book().find(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
    }

    private NoticeFacts facts() {
        Case c = theCase();
        var book = desk.book();
        NoticeFacts base = NoticeFacts.forCase(c, desk.me(), desk.catalogue(), locale, book.staffRoom(),
                book.policy(), letterhead.get(), LocalDate.now(clock.withZone(zone)));
        Map<String, String> values = new HashMap<>(base.values());
        gapValues.forEach((name, value) -> {
            String v = value.get() == null ? "" : value.get().strip();
            if (!v.isEmpty()) {
                values.put(name, v);
            }
        });
        return new NoticeFacts(base.letterhead(), base.reference(), base.caseType(), base.caseworker(),
                base.citizenName(), base.date(), base.locale(), values);
    }

    /** Composes again from the template and the gap values, then renders the preview in the background. */
    public void recompose() {
        NoticeTemplate chosen = template.get();
        if (chosen == null) {
            draft = null;
            title.set("");
            missing.set(text.get("notice.noTemplate"));
            complete.set(false);
            return;
        }
        // The gaps are those of the template without any value typed in yet, so a filled gap stays editable.
        Map<String, StringProperty> typed = new LinkedHashMap<>(gapValues);
        gapValues.clear();
        NoticeDraft bare = NoticeComposer.compose(chosen, factsWithout());
        for (String name : bare.missing()) {
            StringProperty value = typed.getOrDefault(name, new SimpleStringProperty(""));
            if (!typed.containsKey(name)) {
                value.addListener((obs, old, now) -> {
                    recompose();
                    persist();
                });
            }
            gapValues.put(name, value);
        }
        if (!gaps.stream().map(Gap::name).toList().equals(List.copyOf(gapValues.keySet()))) {
            gaps.setAll(gapValues.entrySet().stream().map(e -> new Gap(e.getKey(), e.getValue())).toList());
        }
        draft = NoticeComposer.compose(chosen, facts());
        title.set(draft.title());
        complete.set(draft.complete());
        missing.set(draft.complete() ? "" : text.get("notice.missing", String.join(", ", draft.missing())));
        renderPreview(draft);
    }

    private NoticeFacts factsWithout() {
        Map<String, StringProperty> saved = new LinkedHashMap<>(gapValues);
        gapValues.clear();
        try {
            return facts();
        } finally {
            gapValues.putAll(saved);
        }
    }

    private void renderPreview(NoticeDraft toRender) {
        long generation = ++previewGeneration;
        NoticePdfWriter writer = new NoticePdfWriter(clock);
        background.execute(() -> {
            BufferedImage image;
            try {
                image = NoticePreview.render(writer.write(toRender).pdf(), 0, 60f);
            } catch (Exception | LinkageError e) {
                ui.execute(() -> message.set(text.get("notice.previewFailed")));
                return;
            }
            ui.execute(() -> {
                if (generation == previewGeneration) {
                    preview.set(image);
                }
            });
        });
    }

    /**
     * Renders the PDF of the current draft and asks the unit to sign it off (its SHA-256); refused while gaps are
     * open. A changed draft afterwards needs a new request.
     */
    public void requestSignOff() {
        // Composed again from what the case and the unit say now (a letterhead or reference set meanwhile); the
        // preview follows, so what is approved is what was last shown.
        recompose();
        if (draft == null || !draft.complete()) {
            message.set(text.get("notice.fillGaps"));
            return;
        }
        try {
            requested = new NoticePdfWriter(clock).write(draft, List.copyOf(attachments));
        } catch (java.io.IOException e) {
            message.set(text.get("notice.renderFailed"));
            return;
        }
        requestedPdf = requested.pdf();
        requestedSha = requested.sha256();
        signedPdf = null;
        desk.submit(OutgoingStaffEvents.requestNoticeSignOff(caseId, requestedSha, draft.title()));
        message.set(text.get("notice.requested"));
        updateStage();
        persist();
    }

    /** Reads the draft's sign-off from the case log again (call when the book changed). */
    public void updateStage() {
        Stage now;
        if (signedPdf != null) {
            now = stage.get() == Stage.SENT ? Stage.SENT : Stage.SIGNED;
        } else if (requestedSha == null) {
            now = Stage.EDITING;
        } else {
            Optional<NoticeSignOff> signOff = desk.book().signOff(caseId, requestedSha);
            now = signOff.map(s -> switch (s.status()) {
                case REQUESTED -> Stage.REQUESTED;
                case APPROVED -> Stage.APPROVED;
                case REJECTED -> Stage.REJECTED;
            }).orElse(Stage.REQUESTED);
        }
        stage.set(now);
        String who = requestedSha == null ? "" : desk.book().signOff(caseId, requestedSha)
                .map(NoticeSignOff::decidedBy).map(id -> desk.book().staffRoom().displayName(id)).orElse("");
        stageText.set(text.get("notice.stage." + now.name().toLowerCase(Locale.ROOT), who));
    }

    /**
     * Signs the approved draft with the key chosen in {@link #keyKindProperty()} (a PKCS#12 file, or a token through
     * its PKCS#11 library and slot): B-T with the TSA in {@link #tsaUrlProperty()} when one is given (B-LT when also
     * {@link #longTermProperty()} and revocation sources are set), else B-B. The password or PIN is wiped afterwards.
     */
    public void sign(char[] password) {
        updateStage();
        if (stage.get() != Stage.APPROVED) {
            message.set(text.get("notice.notApproved"));
            java.util.Arrays.fill(password, '\0');
            return;
        }
        NoticeKeySource keys = keySource(password);
        if (keys == null) {
            message.set(text.get(keyKind.get() == KeyKind.PKCS11 ? "notice.libraryMissing" : "notice.keyMissing"));
            java.util.Arrays.fill(password, '\0');
            return;
        }
        String tsa = tsaUrl.get() == null ? "" : tsaUrl.get().strip();
        boolean lt = longTerm.get() && revocation != null && !tsa.isEmpty();
        NoticeSigner.Level level = tsa.isEmpty() ? NoticeSigner.Level.B_B
                : lt ? NoticeSigner.Level.B_LT : NoticeSigner.Level.B_T;
        NoticePdfWriter.RenderedNotice toSign = requested;
        message.set(text.get("notice.signing"));
        background.execute(() -> {
            try {
                NoticeSigner signer = new NoticeSigner(keys, tsa.isEmpty() ? null : NoticeSigner.onlineTsa(tsa), clock,
                        lt ? revocation.get() : null);
                byte[] signed = signer.signApproved(desk.book(), caseId, toSign.pdf(), toSign.signatureBox(), level,
                        new NoticeSigner.Details(draft.title(), letterhead.get().unitName(), locale, zone));
                ui.execute(() -> {
                    signedPdf = signed;
                    message.set(text.get("notice.signed"));
                    updateStage();
                    persist();
                });
            } catch (Exception e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.execute(() -> message.set(text.get("notice.signFailed", reason)));
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        });
    }

    /** The key the caseworker chose; null when its file or library is not named. The password/PIN is not copied. */
    private NoticeKeySource keySource(char[] secret) {
        if (keyKind.get() == KeyKind.PKCS11) {
            String library = pkcs11Library.get() == null ? "" : pkcs11Library.get().strip();
            return library.isEmpty() ? null : new Pkcs11KeySource(Path.of(library), pkcs11Slot.get(), secret, null);
        }
        String file = keyFile.get() == null ? "" : keyFile.get().strip();
        return file.isEmpty() ? null : new Pkcs12KeySource(Path.of(file), secret, null);
    }

    /**
     * The unit's letterhead from its policy in the staff log, read at every render; {@code missing} says whether the
     * unit has none yet (the editor then prints a generic name and says so).
     */
    public void useLetterhead(java.util.function.Supplier<Letterhead> source, java.util.function.BooleanSupplier missing) {
        this.letterhead = source;
        letterheadMissing.set(missing.getAsBoolean());
        if (stage.get() == Stage.EDITING) {
            recompose();
        }
    }

    public ReadOnlyBooleanProperty letterheadMissingProperty() {
        return letterheadMissing.getReadOnlyProperty();
    }

    /**
     * Adds a file to go inside the notice (read in the background; too large or unreadable is said, nothing added).
     * The type comes from the system, else the name; a file of the same name replaces the earlier one.
     */
    public void attach(Path file, NoticeAttachment.Relationship relationship) {
        // A root path has no file name: it is no file to attach, and the refusal below says so.
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        background.execute(() -> {
            NoticeAttachment attachment;
            try {
                if (java.nio.file.Files.size(file) > NoticeAttachment.MAX_BYTES) {
                    ui.execute(() -> message.set(text.get("notice.attachment.tooLarge", name,
                            NoticeAttachment.MAX_BYTES / (1024 * 1024))));
                    return;
                }
                String type = java.nio.file.Files.probeContentType(file);
                attachment = new NoticeAttachment(name, type, java.nio.file.Files.readAllBytes(file), relationship);
            } catch (java.io.IOException | IllegalArgumentException e) {
                ui.execute(() -> message.set(text.get("notice.attachment.failed", name)));
                return;
            }
            ui.execute(() -> {
                attachments.removeIf(a -> a.name().equals(attachment.name()));
                attachments.add(attachment);
                message.set(text.get("notice.attachment.added", attachment.name()));
                persist();
            });
        });
    }

    public void detach(NoticeAttachment attachment) {
        if (attachments.remove(attachment)) {
            persist();
        }
    }

    public ObservableList<NoticeAttachment> attachments() {
        return attachments;
    }

    /** Offers B-LT: the chain's revocation data is fetched from these sources at signing time and embedded. */
    public void signLongTermWith(java.util.function.Supplier<de.amtsdesk.core.notice.TrustSettings> sources) {
        this.revocation = sources;
    }

    public boolean longTermAvailable() {
        return revocation != null;
    }

    public javafx.beans.property.BooleanProperty longTermProperty() {
        return longTerm;
    }

    public ObjectProperty<KeyKind> keyKindProperty() {
        return keyKind;
    }

    public StringProperty pkcs11LibraryProperty() {
        return pkcs11Library;
    }

    public javafx.beans.property.IntegerProperty pkcs11SlotProperty() {
        return pkcs11Slot;
    }

    /** Sends the signed notice with the templated text; the evidence follows in the staff log. */
    public void send() {
        if (signedPdf == null) {
            message.set(text.get("notice.notSigned"));
            return;
        }
        Case c = theCase();
        byte[] pdf = signedPdf;
        String sha = requestedSha;
        String body = NoticeSending.defaultMessage(locale, draft.title(), c.reference());
        String fileName = text.get("notice.fileName", c.reference().replaceAll("[^A-Za-z0-9._-]", "-"));
        message.set(text.get("notice.sending"));
        background.execute(() -> {
            try {
                work.send(caseId, pdf, sha, fileName, body);
                ui.execute(() -> {
                    stage.set(Stage.SENT);
                    stageText.set(text.get("notice.stage.sent", ""));
                    message.set(text.get("notice.sent"));
                    persist();
                });
            } catch (Exception e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.execute(() -> message.set(text.get("notice.sendFailed", reason)));
            }
        });
    }

    public String caseId() {
        return caseId;
    }

    public ObservableList<NoticeTemplate> templates() {
        return templates;
    }

    public ObjectProperty<NoticeTemplate> templateProperty() {
        return template;
    }

    public ObservableList<Gap> gaps() {
        return gaps;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Noch offen: {case.due}, …" while placeholders lack a value; "" when complete. */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageTextProperty() {
        return stageText.getReadOnlyProperty();
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    /** The admin policy's TSA: every notice signed here is time-stamped there (B-T). */
    public void lockTsa(String url) {
        tsaUrl.set(url);
        tsaLocked.set(true);
    }

    public ReadOnlyBooleanProperty tsaLockedProperty() {
        return tsaLocked.getReadOnlyProperty();
    }

    public StringProperty tsaUrlProperty() {
        return tsaUrl;
    }

    /** The SHA-256 sign-off was requested for; null before. */
    public String requestedSha256() {
        return requestedSha;
    }

    /** The signed notice's bytes; null before signing. */
    public byte[] signedPdf() {
        return signedPdf == null ? null : signedPdf.clone();
    }

    /** The PDF sign-off was requested for; null before. */
    public byte[] requestedPdf() {
        return requestedPdf == null ? null : requestedPdf.clone();
    }
}
