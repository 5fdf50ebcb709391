package de.amtsdesk.core.notice;

import eu.europa.esig.dss.cms.CMS;
import eu.europa.esig.dss.cms.object.CMSObjectUtils;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1InputStream;

/**
 * DSS's CMS reader (dss-cms-object) with one difference: a signature's CMS followed by zero bytes is read. A PDF
 * signature's {@code /Contents} is a fixed-size hex string, zero-padded after the CMS; DSS hands it to
 * {@code new CMSSignedData(byte[])}, and BouncyCastle 1.85+ (we use 1.87) refuses any bytes after the first ASN.1
 * object ("Extra data detected in stream"), so DSS 6.3 found no signature at all in a correctly signed PDF.
 * Only zero padding is cut: other trailing data still makes the signature unreadable, as it should.
 *
 * <p>Registered through {@code META-INF/services/eu.europa.esig.dss.cms.ICMSUtils}; DSS takes the first
 * implementation the ServiceLoader finds, and core's own resources come before its dependencies on the class
 * path. {@code NoticeSigningTest} checks that this class is the one in use.
 */
public class PaddedCmsUtils extends CMSObjectUtils {

    @Override
    public CMS parseToCMS(byte[] binaries) {
        return super.parseToCMS(withoutZeroPadding(binaries));
    }

    static byte[] withoutZeroPadding(byte[] binaries) {
        if (binaries == null || binaries.length == 0) {
            return binaries;
        }
        int end;
        try (ASN1InputStream in = new ASN1InputStream(binaries)) {
            in.readObject();
            end = binaries.length - in.available();
        } catch (IOException | RuntimeException e) {
            return binaries; // not even one ASN.1 object: let DSS report it
        }
        for (int i = end; i < binaries.length; i++) {
            if (binaries[i] != 0) {
                return binaries;
            }
        }
        return end == binaries.length ? binaries : Arrays.copyOf(binaries, end);
    }
}
