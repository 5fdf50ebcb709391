package de.amtsdesk.core.policy;

import java.util.Map;

/**
 * Reads the values of one key under {@code HKEY_LOCAL_MACHINE}: a seam so the registry source is tested on any system.
 * Values come as the registry types them: REG_SZ String, REG_DWORD Integer, REG_QWORD Long, REG_MULTI_SZ String[].
 */
@FunctionalInterface
public interface RegistryReader {

    /** Empty when the key does not exist; off Windows always empty. */
    Map<String, Object> localMachineValues(String keyPath);

    /** Nothing, anywhere: what non-Windows systems use. */
    RegistryReader NONE = keyPath -> Map.of();
}
