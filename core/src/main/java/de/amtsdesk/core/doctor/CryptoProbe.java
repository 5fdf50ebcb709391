package de.amtsdesk.core.doctor;

/** Loads the native crypto library and reports its versions; a seam so the doctor's logic stays testable. */
@FunctionalInterface
public interface CryptoProbe {

    /** @return a short description such as "matrix-sdk-crypto 0.18.0, vodozemac 0.9.0"; throws if it cannot load */
    String describe() throws Exception;
}
