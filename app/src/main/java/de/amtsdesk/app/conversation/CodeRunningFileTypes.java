package de.amtsdesk.app.conversation;

import java.util.Set;

/**
 * File types that can run code when opened with the system's program: a caseworker is asked before one of these from
 * a citizen is opened (a file from outside is the classic way in). The list names the types of the issue plus their
 * close relatives (other Windows Script Host and shell types, shortcuts, HTML-like documents).
 */
final class CodeRunningFileTypes {

    private static final Set<String> EXTENSIONS = Set.of(
            // programs and installers
            "exe", "com", "scr", "pif", "msi", "msp", "cpl", "jar", "appimage",
            // scripts
            "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "psm1", "sh", "py", "reg",
            // shortcuts that point anywhere
            "lnk", "url", "desktop",
            // documents whose viewer runs scripts
            "html", "htm", "xhtml", "mht", "mhtml", "svg", "svgz");

    private CodeRunningFileTypes() {
    }

    static boolean canRunCode(String safeName) {
        return EXTENSIONS.contains(SafeFileName.extension(safeName));
    }
}
