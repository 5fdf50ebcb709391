package de.amtsdesk.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.amtsdesk.core.cases.catalogue.CatalogueException;
import de.amtsdesk.core.cases.catalogue.CatalogueLoader;
import de.amtsdesk.core.cases.catalogue.PublicService;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.catalogue.ServiceGroup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A catalogue file from arbitrary bytes. Contract (CatalogueLoader's Javadoc): a checked catalogue, or a
 * {@link CatalogueException} listing the problems. An IOException from an in-memory stream can only mean the loader
 * let a content problem escape as an I/O failure, so it is a finding too. A loaded catalogue must be consistent:
 * unique keys, every service's group present. Seeds: {@code CatalogueLoaderFuzzTestInputs/}.
 */
class CatalogueLoaderFuzzTest {

    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void load(byte[] input) throws IOException {
        ServiceCatalogue catalogue;
        try {
            catalogue = CatalogueLoader.load(new ByteArrayInputStream(input), "fuzz.json");
        } catch (CatalogueException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            assertThat(rejected.problems()).isNotEmpty().allSatisfy(problem -> {
                assertThat(problem.message()).isNotBlank();
                assertThat(problem.line()).isNotNegative();
            });
            return;
        }
        assertThat(catalogue).isNotNull();
        Set<String> groups = new HashSet<>();
        for (ServiceGroup group : catalogue.groups()) {
            assertThat(groups.add(group.key())).as("group key %s unique", group.key()).isTrue();
        }
        Set<String> services = new HashSet<>();
        for (PublicService service : catalogue.services()) {
            assertThat(services.add(service.key())).as("service key %s unique", service.key()).isTrue();
            assertThat(groups).contains(service.groupKey());
        }
    }
}
