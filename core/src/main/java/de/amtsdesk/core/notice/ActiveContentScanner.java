package de.amtsdesk.core.notice;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds actions a PDF viewer might run by itself (JavaScript, launching files, submitting forms). It reads every
 * object in the file rather than following the catalogue, because hidden actions need not be reachable from the
 * pages to be dangerous in some viewer. Nothing is executed; direct objects are followed only to a fixed depth,
 * so a deeply nested object cannot exhaust the stack here.
 */
final class ActiveContentScanner {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_FINDINGS = 100;
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName GOTO_R = COSName.getPDFName("GoToR");

    private final Set<ActiveContent> found = new LinkedHashSet<>();

    static List<ActiveContent> scan(PDDocument document) {
        ActiveContentScanner scanner = new ActiveContentScanner();
        for (Map.Entry<COSObjectKey, Long> entry : document.getDocument().getXrefTable().entrySet()) {
            if (scanner.found.size() >= MAX_FINDINGS) {
                break;
            }
            COSObjectKey key = entry.getKey();
            COSObject object = document.getDocument().getObjectFromPool(key);
            COSBase value = object.getObject();
            scanner.visit(value, "object " + key.getNumber() + " " + key.getGeneration(), 0,
                    new IdentityHashMap<>());
        }
        return new ArrayList<>(scanner.found);
    }

    private void visit(COSBase value, String where, int depth, IdentityHashMap<COSBase, Boolean> seen) {
        if (value == null || depth > MAX_DEPTH || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof COSDictionary dictionary) {
            classify(dictionary, where);
            for (COSBase child : dictionary.getValues()) {
                if (!(child instanceof COSObject)) { // indirect objects are scanned on their own
                    visit(child, where, depth + 1, seen);
                }
            }
        } else if (value instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSBase child = array.get(i);
                if (!(child instanceof COSObject)) {
                    visit(child, where, depth + 1, seen);
                }
            }
        }
    }

    private void classify(COSDictionary dictionary, String where) {
        COSName type = dictionary.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(type) || dictionary.containsKey(JS)) {
            found.add(new ActiveContent(ActiveContent.Kind.JAVASCRIPT, where));
        } else if (LAUNCH.equals(type)) {
            found.add(new ActiveContent(ActiveContent.Kind.LAUNCH, where));
        } else if (COSName.getPDFName("SubmitForm").equals(type)) {
            found.add(new ActiveContent(ActiveContent.Kind.SUBMIT_FORM, where));
        } else if (COSName.getPDFName("ImportData").equals(type)) {
            found.add(new ActiveContent(ActiveContent.Kind.IMPORT_DATA, where));
        } else if (GOTO_R.equals(type) || COSName.getPDFName("GoToE").equals(type)) {
            found.add(new ActiveContent(ActiveContent.Kind.EXTERNAL_LINK_TO_FILE, where));
        }
        if (COSName.FILESPEC.equals(dictionary.getCOSName(COSName.TYPE)) && dictionary.containsKey(COSName.EF)) {
            found.add(new ActiveContent(ActiveContent.Kind.EMBEDDED_FILE, where));
        }
    }
}
