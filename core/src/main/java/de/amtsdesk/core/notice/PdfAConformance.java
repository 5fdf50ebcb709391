package de.amtsdesk.core.notice;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What turns a PDFBox document into PDF/A-3b beyond embedded fonts: XMP metadata that says so (and repeats the
 * document information exactly), and an sRGB output intent so device colours have a defined meaning.
 */
final class PdfAConformance {

    static final String PRODUCER = "Amtsdesk";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private PdfAConformance() {
    }

    /**
     * @param created when the notice was rendered; written to both the info dictionary and XMP, which PDF/A
     *                requires to agree (to the second, so it is truncated here)
     */
    static void apply(PDDocument document, String title, String author, String language, ZonedDateTime created)
            throws IOException {
        ZonedDateTime when = created.withZoneSameInstant(ZoneOffset.UTC).withNano(0);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(GregorianCalendar.from(when));
        info.setModificationDate(GregorianCalendar.from(when));

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(language);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title, author, when));
        catalog.setMetadata(metadata);

        // PDFBox's core jar has no sRGB profile; the JDK's built-in one is the standard sRGB IEC61966-2.1.
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    /**
     * The XMP packet, built as DOM and written with the JDK's own transformer. xmpbox's serializer asks
     * {@code TransformerFactory.newInstance()}, which picks Saxon when it is on the classpath (veraPDF brings it),
     * and Saxon writes {@code lang} instead of {@code xml:lang}: veraPDF then rejects the notice.
     */
    static byte[] xmp(String title, String author, ZonedDateTime when) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            Document dom = factory.newDocumentBuilder().newDocument();
            Element xmpmeta = dom.createElementNS("adobe:ns:meta/", "x:xmpmeta");
            dom.appendChild(xmpmeta);
            Element rdf = dom.createElementNS(RDF, "rdf:RDF");
            xmpmeta.appendChild(rdf);

            Element pdfaid = description(dom, rdf, "pdfaid", "http://www.aiim.org/pdfa/ns/id/");
            text(dom, pdfaid, "http://www.aiim.org/pdfa/ns/id/", "pdfaid:part", "3");
            text(dom, pdfaid, "http://www.aiim.org/pdfa/ns/id/", "pdfaid:conformance", "B");

            String dcNs = "http://purl.org/dc/elements/1.1/";
            Element dc = description(dom, rdf, "dc", dcNs);
            text(dom, dc, dcNs, "dc:format", "application/pdf");
            Element alt = dom.createElementNS(RDF, "rdf:Alt");
            dc.appendChild(dom.createElementNS(dcNs, "dc:title")).appendChild(alt);
            Element titleItem = text(dom, alt, RDF, "rdf:li", title);
            titleItem.setAttributeNS(XML_NS, "xml:lang", "x-default");
            Element seq = dom.createElementNS(RDF, "rdf:Seq");
            dc.appendChild(dom.createElementNS(dcNs, "dc:creator")).appendChild(seq);
            text(dom, seq, RDF, "rdf:li", author);

            String xmpNs = "http://ns.adobe.com/xap/1.0/";
            Element xmp = description(dom, rdf, "xmp", xmpNs);
            text(dom, xmp, xmpNs, "xmp:CreatorTool", PRODUCER);
            text(dom, xmp, xmpNs, "xmp:CreateDate", XMP_DATE.format(when));
            text(dom, xmp, xmpNs, "xmp:ModifyDate", XMP_DATE.format(when));

            String pdfNs = "http://ns.adobe.com/pdf/1.3/";
            Element pdf = description(dom, rdf, "pdf", pdfNs);
            text(dom, pdf, pdfNs, "pdf:Producer", PRODUCER);

            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n".getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(dom), new StreamResult(out));
            out.write("\n<?xpacket end=\"w\"?>".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("could not write the notice's XMP metadata", e);
        }
    }

    private static Element description(Document dom, Element rdf, String prefix, String namespace) {
        Element description = dom.createElementNS(RDF, "rdf:Description");
        description.setAttributeNS(RDF, "rdf:about", "");
        description.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + prefix, namespace);
        rdf.appendChild(description);
        return description;
    }

    private static Element text(Document dom, Element parent, String namespace, String name, String value) {
        Element element = dom.createElementNS(namespace, name);
        element.setTextContent(value);
        parent.appendChild(element);
        return element;
    }
}
