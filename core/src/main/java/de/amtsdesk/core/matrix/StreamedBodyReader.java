package de.amtsdesk.core.matrix;

import java.io.IOException;
import java.io.InputStream;

/** Reads an answer as it arrives ({@link MatrixClient#getStreamed}); the stream is closed after it returns. */
@FunctionalInterface
public interface StreamedBodyReader<T> {
    T read(InputStream body) throws IOException, MatrixException;
}
