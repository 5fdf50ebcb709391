package de.amtsdesk.core.policy;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;
import java.util.Map;

/**
 * The real registry through JNA's platform module ({@link Advapi32Util}): no {@code reg query} parsing. Only
 * constructed on Windows (see {@link PolicyLoader#forThisMachine()}); not run by the tests on Linux.
 */
final class WindowsRegistryReader implements RegistryReader {

    @Override
    public Map<String, Object> localMachineValues(String keyPath) {
        if (!Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, keyPath)) {
            return Map.of();
        }
        return Advapi32Util.registryGetValues(WinReg.HKEY_LOCAL_MACHINE, keyPath);
    }
}
