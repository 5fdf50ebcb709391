package de.amtsdesk.jpackage;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.policy.PolicyKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The MSI the build makes with wixl from {@code packaging/windows/main.wxs}, read back with msiinfo as Windows
 * Installer will read it: per machine, the pinned upgrade code, the version, upgrades and downgrades, the launch
 * conditions, the Start-menu shortcut, every file of the image, and the admin policy's registry values under the
 * names the policy loader reads. What wixl 0.101 cannot express (secure properties, permanent and conditional policy
 * components) is checked in the source, which the Windows workflow builds with WiX.
 */
class MsiIT {

    /** Never changes: Windows Installer knows Amtsdesk by it across versions. */
    static final String UPGRADE_CODE = "{9EB250CB-0D27-4938-83FB-FB0581389F81}";
    private static final Path TARGET = Path.of(System.getProperty("amtsdesk.target", "target"));
    private static final String VERSION = System.getProperty("amtsdesk.version", "0.1.0").replace("-SNAPSHOT", "");
    private static final Path MSI = TARGET.resolve("Amtsdesk-" + VERSION + ".msi");
    private static final Path WXS = Path.of(System.getProperty("amtsdesk.wxs", "../packaging/windows/main.wxs"));
    /** Installer property → the policy value it writes (PolicyKey's name for it). */
    static final Map<String, PolicyKey> PROPERTIES = Map.ofEntries(Map.entry("HOMESERVER", PolicyKey.HOMESERVER),
            Map.entry("FUNCTIONAL_ACCOUNT", PolicyKey.FUNCTIONAL_ACCOUNT),
            Map.entry("IDLE_LOCK_MINUTES", PolicyKey.IDLE_LOCK_MINUTES), Map.entry("ALLOW_POLLS", PolicyKey.ALLOW_POLLS),
            Map.entry("ALLOW_FILES", PolicyKey.ALLOW_FILES), Map.entry("ALLOW_NOTICES", PolicyKey.ALLOW_NOTICES),
            Map.entry("LOG_DIRECTORY", PolicyKey.LOG_DIRECTORY), Map.entry("LOG_LEVEL", PolicyKey.LOG_LEVEL),
            Map.entry("PROXY", PolicyKey.PROXY), Map.entry("TSA_URL", PolicyKey.TSA_URL),
            Map.entry("UPDATE_CHANNEL", PolicyKey.UPDATE_CHANNEL));

    /** One table as msiinfo exports it: a row per line, columns by tab, without the three header lines. */
    private static List<List<String>> table(String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("msiinfo", "export", MSI.toString(), name).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("msiinfo export " + name + " (apt-get install msitools)").isZero();
        return Arrays.stream(out.split("\r?\n")).skip(3).filter(l -> !l.isEmpty())
                .map(l -> Arrays.asList(l.split("\t", -1))).toList();
    }

    private static Map<String, String> properties() throws Exception {
        Map<String, String> values = new TreeMap<>();
        table("Property").forEach(row -> values.put(row.get(0), row.get(1)));
        return values;
    }

    @Test
    void perMachineWithThePinnedUpgradeCodeAndTheBuildsVersion() throws Exception {
        assertThat(MSI).as("the MSI the build made").isRegularFile();
        Map<String, String> p = properties();
        assertThat(p).containsEntry("ALLUSERS", "1").containsEntry("ProductName", "Amtsdesk")
                .containsEntry("Manufacturer", "Amtsdesk").containsEntry("ProductVersion", VERSION);
        assertThat(p.get("UpgradeCode")).isEqualToIgnoringCase(UPGRADE_CODE);
        // Major upgrade: older versions are found and removed, a newer one installed is a downgrade and refused.
        List<List<String>> upgrade = table("Upgrade");
        assertThat(upgrade).hasSize(2).allSatisfy(row -> assertThat(row.get(0)).isEqualToIgnoringCase(UPGRADE_CODE));
        assertThat(upgrade).anySatisfy(row -> assertThat(row).startsWith(row.get(0), "", VERSION)
                .contains("WIX_UPGRADE_DETECTED"));
        assertThat(upgrade).anySatisfy(row -> assertThat(row.get(1)).isEqualTo(VERSION))
                .anySatisfy(row -> assertThat(row).contains("WIX_DOWNGRADE_DETECTED"));
        assertThat(table("LaunchCondition")).extracting(row -> row.get(0))
                .containsExactlyInAnyOrder("NOT WIX_DOWNGRADE_DETECTED", "VersionNT64");
        assertThat(table("InstallExecuteSequence")).extracting(row -> row.get(0)).contains("RemoveExistingProducts",
                "FindRelatedProducts", "WriteRegistryValues", "CreateShortcuts", "InstallFiles");
    }

    @Test
    void everyFileOfTheImageTheShortcutAndThePolicyValues() throws Exception {
        Path image = TARGET.resolve("app-image/Amtsdesk");
        long files;
        try (var walk = Files.walk(image)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        assertThat(table("File")).hasSize((int) files);
        assertThat(table("Directory")).anySatisfy(row -> assertThat(row).startsWith("INSTALLDIR",
                "ProgramFiles64Folder", "Amtsdesk"));
        assertThat(table("Shortcut")).singleElement().satisfies(row -> {
            assertThat(row.get(1)).isEqualTo("ProgramMenuFolder");
            assertThat(row.get(2)).isEqualTo("Amtsdesk");
            assertThat(row.get(4)).startsWith("[INSTALLDIR]");
        });
        Map<String, String> policy = table("Registry").stream()
                .filter(row -> row.get(1).equals("2") && row.get(2).equals("Software\\Policies\\Amtsdesk"))
                .collect(Collectors.toMap(row -> row.get(3), row -> row.get(4)));
        Map<String, String> expected = new TreeMap<>();
        PROPERTIES.forEach((property, key) -> expected.put(key.key(),
                (key.kind() == PolicyKey.Kind.STRING ? "" : "#") + "[" + property + "]"));
        assertThat(new TreeMap<>(policy)).isEqualTo(expected);
    }

    /** What wixl drops, in the source the Windows build uses: secure properties, conditional permanent components. */
    @Test
    void theSourceMakesThePolicyPropertiesSecureAndItsComponentsConditionalAndPermanent() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = factory.newDocumentBuilder().parse(WXS.toFile());
        String ns = "http://schemas.microsoft.com/wix/2006/wi";
        Element product = (Element) doc.getElementsByTagNameNS(ns, "Product").item(0);
        assertThat(product.getAttribute("UpgradeCode")).isEqualToIgnoringCase(UPGRADE_CODE.replaceAll("[{}]", ""));
        Element pkg = (Element) doc.getElementsByTagNameNS(ns, "Package").item(0);
        assertThat(pkg.getAttribute("InstallScope")).isEqualTo("perMachine");
        List<String> secure = new ArrayList<>();
        NodeList props = doc.getElementsByTagNameNS(ns, "Property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if ("yes".equals(p.getAttribute("Secure"))) {
                secure.add(p.getAttribute("Id"));
            }
        }
        assertThat(secure).containsExactlyInAnyOrderElementsOf(PROPERTIES.keySet());
        NodeList components = doc.getElementsByTagNameNS(ns, "Component");
        int policyComponents = 0;
        for (int i = 0; i < components.getLength(); i++) {
            Element c = (Element) components.item(i);
            if (!c.getAttribute("Id").startsWith("Policy_")) {
                continue;
            }
            policyComponents++;
            assertThat(c.getAttribute("Permanent")).as(c.getAttribute("Id")).isEqualTo("yes");
            Element value = (Element) c.getElementsByTagNameNS(ns, "RegistryValue").item(0);
            String condition = c.getElementsByTagNameNS(ns, "Condition").item(0).getTextContent().strip();
            assertThat(value.getAttribute("Value")).as(c.getAttribute("Id")).isEqualTo("[" + condition + "]");
        }
        assertThat(policyComponents).isEqualTo(PROPERTIES.size());
        // Every allow-listed policy key can be set from a silent install.
        assertThat(PROPERTIES.values()).containsAll(Arrays.stream(PolicyKey.values())
                .filter(k -> k != PolicyKey.PDF_TRUST_ANCHORS).toList());
    }
}
