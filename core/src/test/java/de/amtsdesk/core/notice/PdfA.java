package de.amtsdesk.core.notice;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF's PDF/A-3b verdict on a file, with the failed rules spelled out for the assertion message. */
final class PdfA {

    record Result(boolean compliant, List<String> failures) {
    }

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {
    }

    static Result validate3b(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_3_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "/" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
            return new Result(result.isCompliant(), failures);
        }
    }
}
