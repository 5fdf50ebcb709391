package de.amtsdesk.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The GPO template under packaging/windows/policy/ and the loader's allow-list cannot drift: every key has a policy
 * writing the value name the loader reads, with a matching registry type, and nothing else is written; both ADML
 * files define every string and presentation the ADMX refers to.
 */
class AdmxTemplateTest {

    private static final Path DIR = Path.of("..", "packaging", "windows", "policy");
    private static final String NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(NS, name);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    /** The registry value the policy writes: on the policy itself (on/off) or on its one element. */
    private record Written(Element policy, String valueName, String type, Element element) { }

    private static Optional<Written> written(Element policy) {
        if (!policy.getAttribute("valueName").isEmpty()) {
            return Optional.of(new Written(policy, policy.getAttribute("valueName"), "boolean", null));
        }
        for (String type : List.of("text", "decimal", "enum", "multiText", "boolean", "list")) {
            for (Element element : elements(policy, type)) {
                return Optional.of(new Written(policy, element.getAttribute("valueName"), type, element));
            }
        }
        return Optional.empty();
    }

    @Test
    void everyAllowListedKeyHasAPolicyWithTheValueNameTheLoaderReads() throws Exception {
        Document admx = parse(DIR.resolve("Amtsdesk.admx"));
        List<Written> writes = new ArrayList<>();
        for (Element policy : elements(admx.getDocumentElement(), "policy")) {
            assertThat(policy.getAttribute("key")).isEqualTo(RegistryPolicySource.KEY);
            assertThat(policy.getAttribute("class")).isEqualTo("Machine"); // HKLM, which the loader reads
            writes.add(written(policy).orElseThrow(() -> new AssertionError("writes nothing: "
                    + policy.getAttribute("name"))));
        }
        assertThat(writes).extracting(Written::valueName)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PolicyKey.values()).map(PolicyKey::key).toList());
        for (Written w : writes) {
            PolicyKey key = PolicyKey.byKey(w.valueName(), false).orElseThrow();
            switch (key.kind()) {
                case BOOLEAN -> {
                    assertThat(w.type()).isEqualTo("boolean");
                    assertThat(elements(w.policy(), "enabledValue").get(0).getElementsByTagNameNS(NS, "decimal")
                            .item(0).getAttributes().getNamedItem("value").getNodeValue()).isEqualTo("1");
                    assertThat(elements(w.policy(), "disabledValue").get(0).getElementsByTagNameNS(NS, "decimal")
                            .item(0).getAttributes().getNamedItem("value").getNodeValue()).isEqualTo("0");
                }
                case INTEGER -> {
                    assertThat(w.type()).isEqualTo("decimal");
                    assertThat(w.element().getAttribute("minValue")).isEqualTo("0");
                    assertThat(w.element().getAttribute("maxValue")).isEqualTo(String.valueOf(PolicyKey.IDLE_LOCK_MAX));
                    assertThat(w.element().getAttribute("storeAsText")).isNotEqualTo("true"); // REG_DWORD
                }
                case STRING_LIST -> assertThat(w.type()).isEqualTo("multiText"); // REG_MULTI_SZ
                case STRING -> {
                    assertThat(w.type()).isIn("text", "enum");
                    if (w.type().equals("enum")) {
                        List<String> items = elements(w.element(), "string").stream().map(Element::getTextContent)
                                .toList();
                        for (String item : items) {
                            assertThat(key.check(item).accepted()).as(key + " item " + item).isTrue();
                        }
                        assertThat(items).isEqualTo(key == PolicyKey.LOG_LEVEL ? PolicyKey.LOG_LEVELS
                                : PolicyKey.UPDATE_CHANNELS);
                    }
                }
                default -> throw new AssertionError(key);
            }
        }
    }

    @Test
    void bothLanguagesDefineEveryStringAndPresentation() throws Exception {
        String admxText = Files.readString(DIR.resolve("Amtsdesk.admx"));
        Set<String> strings = refs(admxText, "string");
        Set<String> presentations = refs(admxText, "presentation");
        Document admx = parse(DIR.resolve("Amtsdesk.admx"));
        for (String lang : List.of("de-DE", "en-US")) {
            Document adml = parse(DIR.resolve(lang).resolve("Amtsdesk.adml"));
            Set<String> defined = new HashSet<>(elements(adml.getDocumentElement(), "string").stream()
                    .map(s -> s.getAttribute("id")).toList());
            assertThat(defined).as(lang).containsAll(strings);
            List<Element> presentationElements = elements(adml.getDocumentElement(), "presentation");
            assertThat(presentationElements.stream().map(p -> p.getAttribute("id")).toList()).as(lang)
                    .containsExactlyInAnyOrderElementsOf(presentations);
            // Each presentation's controls refer to the ids of its policy's elements.
            for (Element policy : elements(admx.getDocumentElement(), "policy")) {
                String ref = policy.getAttribute("presentation");
                if (ref.isEmpty()) {
                    continue;
                }
                String id = ref.substring("$(presentation.".length(), ref.length() - 1);
                Element presentation = presentationElements.stream().filter(p -> p.getAttribute("id").equals(id))
                        .findFirst().orElseThrow();
                Written w = written(policy).orElseThrow();
                assertThat(presentation.getElementsByTagNameNS(NS, "*").item(0).getAttributes().getNamedItem("refId")
                        .getNodeValue()).as(lang + " " + id).isEqualTo(w.element().getAttribute("id"));
            }
        }
    }

    private static Set<String> refs(String text, String kind) {
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\(" + kind + "\\.([A-Za-z0-9_]+)\\)").matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
