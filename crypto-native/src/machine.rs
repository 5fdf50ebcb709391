//! `OlmMachine`s as they cross JNI.
//!
//! Java holds a machine as a `long`: a pointer to a heap-allocated `Arc<Session>`. Each call
//! clones the `Arc` out of it, so a machine stays alive for the duration of a call even when
//! async work is involved. The Java side (`OlmMachineHandle`) guarantees that `release` never runs
//! concurrently with, or before, another call on the same handle.
//!
//! The operations on a session live in the sibling modules (`sync`, `room`, `requests`,
//! `backup`, `cross_signing`); this one creates, opens and closes sessions.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use jni::sys::jlong;
use matrix_sdk_crypto::store::{CryptoStore, CryptoStoreError};
use matrix_sdk_crypto::OlmMachine;
use matrix_sdk_sqlite::{OpenStoreError, SqliteCryptoStore};
use ruma::{OwnedDeviceId, OwnedRoomId, OwnedTransactionId, OwnedUserId, RoomId, UserId};
use serde_json::json;

use crate::error::{NativeError, NativeResult};
use crate::runtime;
use crate::store_cache::CachingCryptoStore;

/// The persistent store as the machine sees it: SQLite behind the read cache (ADR 0022).
pub type PersistentStore = CachingCryptoStore<SqliteCryptoStore>;

/// One machine plus what this library keeps beside it.
pub struct Session {
    machine: OlmMachine,
    /// The persistent store, so `release` can close its connections before returning; `None`
    /// for in-memory machines.
    store: Option<Arc<PersistentStore>>,
    /// The persistent store's directory.
    directory: Option<PathBuf>,
    /// matrix-sdk-crypto wants only one `/keys/claim` in flight per machine.
    pub(crate) claim_lock: Mutex<()>,
    /// ... and room keys shared by one caller at a time (it says "per room"; one lock is simpler
    /// and sharing is rare).
    pub(crate) share_lock: Mutex<()>,
    /// The request id of the signature upload returned by the last `bootstrapCrossSigning`: when
    /// it is marked as sent, the signing-keys upload before it succeeded too.
    pub(crate) pending_cross_signing_signatures: Mutex<Option<OwnedTransactionId>>,
}

impl Session {
    fn new(machine: OlmMachine, store: Option<(Arc<PersistentStore>, PathBuf)>) -> Self {
        let (store, directory) = store.unzip();
        Session {
            machine,
            store,
            directory,
            claim_lock: Mutex::new(()),
            share_lock: Mutex::new(()),
            pending_cross_signing_signatures: Mutex::new(None),
        }
    }

    /// A machine whose keys live in memory only (lost when it is dropped).
    pub fn in_memory(user_id: &str, device_id: &str) -> NativeResult<Session> {
        let user_id = parse_user_id(user_id)?;
        let device_id = parse_device_id(device_id)?;
        let machine = runtime::block_on(OlmMachine::new(&user_id, &device_id))?;
        Ok(Session::new(machine, None))
    }

    /// A machine persisted in a matrix-sdk-sqlite crypto store in `directory`, encrypted with
    /// `key`. Creates the store on first use; later opens must pass the same user, device and key.
    pub fn open(
        user_id: &str,
        device_id: &str,
        directory: &str,
        key: &[u8],
    ) -> NativeResult<Session> {
        let user_id = parse_user_id(user_id)?;
        let device_id = parse_device_id(device_id)?;
        let key: &[u8; 32] = key.try_into().map_err(|_| {
            NativeError::invalid_argument(format!(
                "the store key must be exactly 32 bytes, got {}",
                key.len()
            ))
        })?;
        if directory.trim().is_empty() {
            return Err(NativeError::invalid_argument(
                "the store directory must not be blank",
            ));
        }
        let path = PathBuf::from(directory);

        let sidecars_before = sqlite_sidecars(&path);
        runtime::block_on(async {
            let store = match SqliteCryptoStore::open_with_key(&path, Some(key)).await {
                Ok(store) => Arc::new(CachingCryptoStore::from_environment(store)),
                Err(error) => {
                    // The failed open dropped its connections on background threads; wait until
                    // SQLite has removed the WAL files it created, so the store is as it was.
                    wait_for_sidecars(&path, &sidecars_before);
                    return Err(open_error(&path, error));
                }
            };
            match OlmMachine::with_store(&user_id, &device_id, Arc::clone(&store), None).await {
                Ok(machine) => {
                    let session = Session::new(machine, Some((store, path.clone())));
                    if let Err(error) = crate::backup::resume_stored_backup(&session).await {
                        session.close_store().await;
                        return Err(error);
                    }
                    Ok(session)
                }
                Err(error) => {
                    let _ = store.close().await;
                    wait_for_sidecars(&path, &sidecars_before);
                    Err(match error {
                        CryptoStoreError::MismatchedAccount { expected, got } => {
                            NativeError::invalid_argument(format!(
                                "the crypto store in {} belongs to {} / device {}, not to {} / device {}",
                                path.display(),
                                expected.0,
                                expected.1,
                                got.0,
                                got.1
                            ))
                        }
                        other => NativeError::crypto(format!(
                            "could not load the Olm account from {}: {other}",
                            path.display()
                        )),
                    })
                }
            }
        })?
    }

    pub fn machine(&self) -> &OlmMachine {
        &self.machine
    }

    /// The persistent store (with its read cache); `None` for in-memory machines.
    pub fn persistent_store(&self) -> Option<&PersistentStore> {
        self.store.as_deref()
    }

    async fn close_store(&self) {
        if let Some(store) = &self.store {
            // Waits for in-flight statements, checkpoints the WAL and drops every connection, so
            // the files are settled when the Java side's close() returns.
            let _ = store.close().await;
        }
        if let Some(directory) = &self.directory {
            wait_for_sidecars(directory, &BTreeSet::new());
        }
    }
}

/// SQLite's `-wal`/`-shm` files in `directory`.
fn sqlite_sidecars(directory: &Path) -> BTreeSet<PathBuf> {
    std::fs::read_dir(directory)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| {
                    let name = path.to_string_lossy();
                    name.ends_with("-wal") || name.ends_with("-shm")
                })
                .collect()
        })
        .unwrap_or_default()
}

/// matrix-sdk-sqlite drops its connections on tokio's blocking threads without waiting, and the
/// last connection to close deletes the `-wal`/`-shm` files. Waits (at most two seconds) until
/// only the sidecar files in `keep` are left, so that after a close the store's files are final.
fn wait_for_sidecars(directory: &Path, keep: &BTreeSet<PathBuf>) {
    let deadline = Instant::now() + Duration::from_secs(2);
    while sqlite_sidecars(directory).difference(keep).next().is_some() && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn open_error(path: &std::path::Path, error: OpenStoreError) -> NativeError {
    use matrix_sdk_store_encryption::Error as CipherError;
    match error {
        OpenStoreError::InitCipher(CipherError::Encryption(_))
        | OpenStoreError::InitCipher(CipherError::KdfMismatch) => {
            NativeError::WrongStoreKey(format!(
                "the crypto store cannot be opened with this key ({})",
                path.display()
            ))
        }
        other => NativeError::crypto(format!(
            "could not open the crypto store in {}: {other}",
            path.display()
        )),
    }
}

/// Locks a plain mutex, ignoring poisoning (a panic elsewhere must not wedge every later call).
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub fn parse_user_id(user_id: &str) -> NativeResult<OwnedUserId> {
    UserId::parse(user_id).map_err(|error| {
        NativeError::invalid_argument(format!(
            "'{user_id}' is not a valid Matrix user id: {error}"
        ))
    })
}

pub fn parse_room_id(room_id: &str) -> NativeResult<OwnedRoomId> {
    RoomId::parse(room_id).map_err(|error| {
        NativeError::invalid_argument(format!(
            "'{room_id}' is not a valid Matrix room id: {error}"
        ))
    })
}

fn parse_device_id(device_id: &str) -> NativeResult<OwnedDeviceId> {
    if device_id.trim().is_empty() {
        return Err(NativeError::invalid_argument(format!(
            "'{device_id}' is not a valid device id: it must not be blank"
        )));
    }
    Ok(device_id.into())
}

pub fn parse_user_ids(user_ids: &[String]) -> NativeResult<Vec<OwnedUserId>> {
    user_ids.iter().map(|id| parse_user_id(id)).collect()
}

/// Creates a machine that keeps its keys in memory only (they are lost when it is closed).
pub fn create_in_memory(user_id: &str, device_id: &str) -> NativeResult<jlong> {
    Ok(into_handle(Session::in_memory(user_id, device_id)?))
}

/// Opens (or creates) a persistent machine; see [`Session::open`].
pub fn open(user_id: &str, device_id: &str, directory: &str, key: &[u8]) -> NativeResult<jlong> {
    Ok(into_handle(Session::open(
        user_id, device_id, directory, key,
    )?))
}

/// The machine's public identity keys as `{"curve25519":"…","ed25519":"…"}` (unpadded base64).
pub fn identity_keys_json(session: &Session) -> NativeResult<String> {
    let keys = session.machine.identity_keys();
    Ok(json!({
        "curve25519": keys.curve25519.to_base64(),
        "ed25519": keys.ed25519.to_base64(),
    })
    .to_string())
}

fn into_handle(session: Session) -> jlong {
    Box::into_raw(Box::new(Arc::new(session))) as jlong
}

/// A new reference to the session behind `handle`.
pub fn borrow(handle: jlong) -> NativeResult<Arc<Session>> {
    if handle == 0 {
        return Err(NativeError::invalid_argument(
            "machine handle is 0 (closed or never created)",
        ));
    }
    // SAFETY: a non-zero handle came from `into_handle` and has not been released (the Java side
    // guarantees it), so it points to a live `Arc<Session>`.
    let session = unsafe { &*(handle as *const Arc<Session>) };
    Ok(Arc::clone(session))
}

/// Gives up the Java side's reference and closes a persistent store; the machine goes away once
/// no call still uses it (Java guarantees none does).
pub fn release(handle: jlong) -> NativeResult<()> {
    if handle == 0 {
        return Ok(());
    }
    // SAFETY: as in `borrow`, and Java never passes this handle again after closing it.
    let session = unsafe { Box::from_raw(handle as *mut Arc<Session>) };
    runtime::block_on(session.close_store())?;
    // Stores and the SDK may expect a runtime context while they shut down.
    let _context = runtime::runtime()?.enter();
    drop(session);
    Ok(())
}
