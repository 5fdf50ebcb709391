package de.amtsdesk.core.notice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds attachments the way PDF/A-3 (ISO 19005-3, 6.8) requires: each as an embedded file stream with its MIME
 * subtype and modification date, in a file specification with /UF, /F and /AFRelationship, listed both in the
 * document's EmbeddedFiles name tree (so viewers show it) and in the catalog's /AF array (which makes it an
 * "associated file"). veraPDF checks the result in the tests.
 */
final class AssociatedFiles {

    private AssociatedFiles() {
    }

    static void embed(PDDocument document, List<NoticeAttachment> attachments, GregorianCalendar modified)
            throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        Map<String, PDComplexFileSpecification> byName = new LinkedHashMap<>();
        COSArray associated = new COSArray();
        List<String> names = new ArrayList<>();
        for (NoticeAttachment attachment : attachments) {
            if (names.contains(attachment.name())) {
                throw new IllegalArgumentException("two attachments named " + attachment.name());
            }
            names.add(attachment.name());
            byte[] content = attachment.content();
            PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
            file.setSubtype(attachment.mimeType());
            file.setSize(content.length);
            file.setModDate(modified);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(attachment.name());
            spec.setFileUnicode(attachment.name());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), attachment.pdfName());
            byName.put(attachment.name(), spec);
            associated.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(byName);
        PDDocumentNameDictionary namesDictionary = new PDDocumentNameDictionary(document.getDocumentCatalog());
        namesDictionary.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(namesDictionary);
        document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }
}
