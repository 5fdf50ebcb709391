package de.amtsdesk.app.conversation;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decrypted copies of attachments that were opened with the system's program. The other program needs a plain file,
 * so the copy lives in one directory only this user can read (POSIX 0700, on Windows an ACL with the owner alone),
 * each in its own subdirectory under the sender's (cleaned) name, so the program shows that name and two files named
 * alike do not collide. {@link #deleteAll()} runs on lock, sign-out and exit: plaintext does not outlive the session.
 * A copy still held open by a program (Windows locks it) is deleted at the next try or by the JVM at exit; after a
 * crash the system's temp cleanup is the last resort.
 */
public final class OpenedAttachments {

    private static final Logger LOG = LoggerFactory.getLogger(OpenedAttachments.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path parent;
    private Path directory;
    private int opened;

    /** Under the system's temp folder (per user on Windows: %LOCALAPPDATA%\Temp). */
    public OpenedAttachments() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    OpenedAttachments(Path parent) {
        this.parent = parent;
    }

    /** A new, not yet existing path for a decrypted copy of the attachment named {@code sentName}. */
    public synchronized Path newCopy(String sentName) throws IOException {
        if (directory == null || !Files.isDirectory(directory)) {
            directory = privateDirectory(Files.createTempDirectory(parent, "amtsdesk-open-", ownerOnly()));
        }
        opened++;
        Path own = Files.createDirectory(directory.resolve(Integer.toString(opened)), ownerOnly());
        return own.resolve(SafeFileName.of(sentName));
    }

    /** The private directory, or null before the first copy (for tests and the log). */
    synchronized Path directory() {
        return directory;
    }

    /** Deletes every copy; what a program still holds is left to the JVM's exit. Never throws. */
    public synchronized void deleteAll() {
        Path dir = directory;
        directory = null;
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    path.toFile().deleteOnExit();
                    LOG.info("opened attachment still in use, deleted at exit: {}", e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            LOG.warn("opened attachments not deleted: {}", e.getClass().getSimpleName());
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * On Windows the temp folder is the user's already; the ACL makes the directory the owner's alone even where an
     * admin widened the temp folder's rights. Subdirectories and files inherit it.
     */
    private static Path privateDirectory(Path dir) throws IOException {
        AclFileAttributeView acl = posix() ? null : Files.getFileAttributeView(dir, AclFileAttributeView.class);
        if (acl != null) {
            AclEntry owner = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT).build();
            acl.setAcl(List.of(owner));
        }
        return dir;
    }
}
