//! A read cache in front of the persistent crypto store (issue 11, ADR 0022).
//!
//! Decrypting a Megolm event reads the inbound group session and, while the session's sender is
//! not settled (`SenderData::should_recalculate`), the sender's devices and the user identities
//! from the store. matrix-sdk-crypto 0.18 caches none of these (only Olm sessions, in
//! `CryptoStoreWrapper`), so against `SqliteCryptoStore` every decrypt pays several SQLite reads,
//! each decrypted with the store cipher, deserialized and run on tokio's blocking pool.
//!
//! [`CachingCryptoStore`] delegates every method to the store it wraps and keeps three bounded
//! LRU caches of reads:
//! - inbound group sessions by session id (the SQLite table's primary key), together with the
//!   room id they were asked for;
//! - all devices of a user (`get_user_devices`; `get_device` answers from the same entry);
//! - a user's identity, including "none" (an unknown sender is the common case that repeats).
//!
//! Correctness rules:
//! - The cache only ever holds what the wrapped store returned for a read; writes never put
//!   values in, they remove the entries they touch (after the write returns, successful or not):
//!   `save_changes` (inbound group sessions, devices new/changed/deleted, identities
//!   new/changed), `save_inbound_group_sessions`, `mark_inbound_group_sessions_as_backed_up`
//!   (the `backed_up` flag is part of a session), `reset_backup_state` (all sessions). A
//!   session replaced by a better one is therefore read again from the store.
//! - A read that raced with a write must not put the older value back: every write bumps a
//!   generation under the cache's lock, and a read stores its result only if the generation is
//!   still the one it saw before reading the store.
//! - Callers get their own objects, never a clone sharing state with the cached one
//!   (`InboundGroupSession`, `DeviceData` and `UserIdentityData` hold `Arc`s of mutable state,
//!   e.g. `backed_up`, the local trust state, `was_previously_verified`, which the SDK sets
//!   before saving): sessions are copied through their pickle, devices and identities through
//!   JSON, just as the store itself deserializes them.
//! - `close` empties the caches and bypasses them until `reopen` (which empties them again); a
//!   changed cross-process lock generation empties them too. The cache assumes that only this
//!   process writes the store while it is open (Amtsdesk opens a store once per account).
//!
//! Everything else is passed through unchanged.

use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use hashlink::LruCache;
use matrix_sdk_common::cross_process_lock::CrossProcessLockGeneration;
use matrix_sdk_crypto::olm::{
    InboundGroupSession, OlmMessageHash, OutboundGroupSession, PrivateCrossSigningIdentity,
    SenderDataType, Session,
};
use matrix_sdk_crypto::store::types::{
    BackupKeys, Changes, DehydratedDeviceKey, PendingChanges, RoomKeyCounts, RoomKeyWithheldEntry,
    RoomPendingKeyBundleDetails, RoomSettings, StoredRoomKeyBundleData,
};
use matrix_sdk_crypto::store::{CryptoStore, CryptoStoreError};
use matrix_sdk_crypto::vodozemac::Curve25519PublicKey;
use matrix_sdk_crypto::{
    Account, DeviceData, GossipRequest, SecretInfo, TrackedUser, UserIdentityData,
};
use ruma::events::secret::request::SecretName;
use ruma::{DeviceId, OwnedDeviceId, OwnedRoomId, OwnedUserId, RoomId, TransactionId, UserId};
use zeroize::Zeroizing;

type Result<T, E = CryptoStoreError> = std::result::Result<T, E>;

/// How many entries each cache keeps by default: sessions are about a kilobyte each in memory,
/// devices and identities a few hundred bytes per device.
pub const DEFAULT_SESSION_CAPACITY: usize = 4096;
pub const DEFAULT_USER_CAPACITY: usize = 1024;

/// Set this environment variable to `off` to open persistent stores without the cache (to
/// compare, or as a way out should the cache ever misbehave).
pub const CACHE_SWITCH: &str = "AMTSDESK_CRYPTO_STORE_CACHE";

/// Counters, for tests and diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    pub session_hits: u64,
    pub session_misses: u64,
    pub device_hits: u64,
    pub device_misses: u64,
    pub identity_hits: u64,
    pub identity_misses: u64,
}

struct CachedSession {
    /// The room id the session was asked for (the store checks it against the row).
    room_id: OwnedRoomId,
    /// Never handed out: callers get a copy made from its pickle.
    session: InboundGroupSession,
}

/// A user's devices, each as JSON (a fresh `DeviceData` is deserialized for every caller).
type CachedDevices = Arc<HashMap<OwnedDeviceId, Arc<[u8]>>>;

struct State {
    /// Bumped by every write; a read stores its result only if it did not change meanwhile.
    generation: u64,
    /// Between `close` and `reopen`: everything goes to the store (which fails).
    closed: bool,
    /// Caching switched off ([`CACHE_SWITCH`]): everything goes to the store.
    disabled: bool,
    lock_generation: Option<CrossProcessLockGeneration>,
    sessions: LruCache<String, CachedSession>,
    devices: LruCache<OwnedUserId, CachedDevices>,
    identities: LruCache<OwnedUserId, Option<Arc<[u8]>>>,
    stats: CacheStats,
}

impl State {
    fn clear(&mut self) {
        self.sessions.clear();
        self.devices.clear();
        self.identities.clear();
        self.generation += 1;
    }
}

/// A [`CryptoStore`] that delegates to `S` and caches its hot reads; see the module docs.
pub struct CachingCryptoStore<S> {
    inner: S,
    state: Mutex<State>,
}

impl<S> fmt::Debug for CachingCryptoStore<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CachingCryptoStore")
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

impl<S> CachingCryptoStore<S> {
    pub fn stats(&self) -> CacheStats {
        self.state().stats
    }

    /// Switches caching on or off (empties the cache either way): for measurements.
    pub fn set_caching(&self, on: bool) {
        let mut state = self.state();
        state.disabled = !on;
        state.clear();
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        crate::machine::lock(&self.state)
    }
}

impl<S: CryptoStore> CachingCryptoStore<S> {
    pub fn new(inner: S) -> Self {
        Self::with_capacity(inner, DEFAULT_SESSION_CAPACITY, DEFAULT_USER_CAPACITY)
    }

    /// [`Self::new`], or a pass-through store if [`CACHE_SWITCH`] is `off`.
    pub fn from_environment(inner: S) -> Self {
        let store = Self::new(inner);
        if std::env::var(CACHE_SWITCH).is_ok_and(|value| value.eq_ignore_ascii_case("off")) {
            store.state().disabled = true;
        }
        store
    }

    pub fn with_capacity(inner: S, sessions: usize, users: usize) -> Self {
        let sessions = NonZeroUsize::new(sessions).map_or(1, NonZeroUsize::get);
        let users = NonZeroUsize::new(users).map_or(1, NonZeroUsize::get);
        CachingCryptoStore {
            inner,
            state: Mutex::new(State {
                generation: 0,
                closed: false,
                disabled: false,
                lock_generation: None,
                sessions: LruCache::new(sessions),
                devices: LruCache::new(users),
                identities: LruCache::new(users),
                stats: CacheStats::default(),
            }),
        }
    }

    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// After a write: drops what it touched and bumps the generation.
    fn written(&self, invalidate: impl FnOnce(&mut State)) {
        let mut state = self.state();
        invalidate(&mut state);
        state.generation += 1;
    }

    fn forget_sessions<'a>(&self, session_ids: impl IntoIterator<Item = &'a str>) {
        self.written(|state| {
            for session_id in session_ids {
                state.sessions.remove(session_id);
            }
        });
    }
}

/// A session of its own for the caller, equal to `session` (as the store's own unpickling).
async fn copy_session(session: &InboundGroupSession) -> Result<InboundGroupSession> {
    Ok(InboundGroupSession::from_pickle(session.pickle().await)?)
}

fn to_json(value: &impl serde::Serialize) -> Result<Arc<[u8]>> {
    Ok(serde_json::to_vec(value)?.into())
}

fn from_json<T: serde::de::DeserializeOwned>(json: &[u8]) -> Result<T> {
    Ok(serde_json::from_slice(json)?)
}

fn devices_from_json(devices: &CachedDevices) -> Result<HashMap<OwnedDeviceId, DeviceData>> {
    devices
        .iter()
        .map(|(id, json)| Ok((id.clone(), from_json(json)?)))
        .collect()
}

impl<S: CryptoStore> CachingCryptoStore<S> {
    /// The cached session (a clone sharing state with the cached one: only to be copied), or on
    /// a miss the generation to compare before storing what the store returns (`None`: bypassed).
    fn cached_session(
        &self,
        room_id: &RoomId,
        session_id: &str,
    ) -> (Option<InboundGroupSession>, Option<u64>) {
        let mut state = self.state();
        if state.closed || state.disabled {
            return (None, None);
        }
        let cached = state
            .sessions
            .get(session_id)
            .filter(|cached| cached.room_id == room_id)
            .map(|cached| cached.session.clone());
        if cached.is_some() {
            state.stats.session_hits += 1;
            (cached, None)
        } else {
            state.stats.session_misses += 1;
            (None, Some(state.generation))
        }
    }

    /// Caches `session`, read from the store, unless a write came after `generation`.
    fn fill_session(&self, generation: u64, room_id: &RoomId, session: InboundGroupSession) {
        let mut state = self.state();
        if state.generation == generation {
            let session_id = session.session_id().to_owned();
            state.sessions.insert(
                session_id,
                CachedSession {
                    room_id: room_id.to_owned(),
                    session,
                },
            );
        }
    }

    /// The cached devices of `user_id`, or `None` on a miss (then also the generation to pass to
    /// `fill_devices`).
    fn cached_devices(&self, user_id: &UserId) -> std::result::Result<CachedDevices, Option<u64>> {
        let mut state = self.state();
        if state.closed || state.disabled {
            return Err(None);
        }
        if let Some(devices) = state.devices.get(user_id).cloned() {
            state.stats.device_hits += 1;
            return Ok(devices);
        }
        state.stats.device_misses += 1;
        Err(Some(state.generation))
    }

    /// Reads all devices of `user_id` from the store and caches them if no write came between.
    async fn load_devices(
        &self,
        user_id: &UserId,
        generation: u64,
    ) -> Result<HashMap<OwnedDeviceId, DeviceData>> {
        let devices = self
            .inner
            .get_user_devices(user_id)
            .await
            .map_err(Into::into)?;
        let json: HashMap<OwnedDeviceId, Arc<[u8]>> = devices
            .iter()
            .map(|(id, device)| Ok((id.clone(), to_json(device)?)))
            .collect::<Result<_>>()?;
        let mut state = self.state();
        if state.generation == generation {
            state.devices.insert(user_id.to_owned(), Arc::new(json));
        }
        Ok(devices)
    }
}

#[async_trait]
impl<S: CryptoStore + 'static> CryptoStore for CachingCryptoStore<S> {
    type Error = CryptoStoreError;

    async fn load_account(&self) -> Result<Option<Account>> {
        self.inner.load_account().await.map_err(Into::into)
    }

    async fn load_identity(&self) -> Result<Option<PrivateCrossSigningIdentity>> {
        self.inner.load_identity().await.map_err(Into::into)
    }

    async fn save_changes(&self, changes: Changes) -> Result<()> {
        let session_ids: Vec<String> = changes
            .inbound_group_sessions
            .iter()
            .map(|session| session.session_id().to_owned())
            .collect();
        let users: Vec<OwnedUserId> = changes
            .devices
            .new
            .iter()
            .chain(&changes.devices.changed)
            .chain(&changes.devices.deleted)
            .map(|device| device.user_id().to_owned())
            .collect();
        let identities: Vec<OwnedUserId> = changes
            .identities
            .new
            .iter()
            .chain(&changes.identities.changed)
            .map(|identity| identity.user_id().to_owned())
            .collect();
        let result = self.inner.save_changes(changes).await.map_err(Into::into);
        self.written(|state| {
            for session_id in &session_ids {
                state.sessions.remove(session_id);
            }
            for user_id in &users {
                state.devices.remove(user_id);
            }
            for user_id in &identities {
                state.identities.remove(user_id);
            }
        });
        result
    }

    async fn save_pending_changes(&self, changes: PendingChanges) -> Result<()> {
        // Only the account: nothing cached here.
        self.inner
            .save_pending_changes(changes)
            .await
            .map_err(Into::into)
    }

    async fn save_inbound_group_sessions(
        &self,
        sessions: Vec<InboundGroupSession>,
        backed_up_to_version: Option<&str>,
    ) -> Result<()> {
        let session_ids: Vec<String> = sessions
            .iter()
            .map(|session| session.session_id().to_owned())
            .collect();
        let result = self
            .inner
            .save_inbound_group_sessions(sessions, backed_up_to_version)
            .await
            .map_err(Into::into);
        self.forget_sessions(session_ids.iter().map(String::as_str));
        result
    }

    async fn get_sessions(&self, sender_key: &str) -> Result<Option<Vec<Session>>> {
        // Olm sessions: matrix-sdk-crypto caches these itself (CryptoStoreWrapper).
        self.inner
            .get_sessions(sender_key)
            .await
            .map_err(Into::into)
    }

    async fn get_inbound_group_session(
        &self,
        room_id: &RoomId,
        session_id: &str,
    ) -> Result<Option<InboundGroupSession>> {
        let (cached, generation) = self.cached_session(room_id, session_id);
        if let Some(session) = cached {
            return Ok(Some(copy_session(&session).await?));
        }
        let session = self
            .inner
            .get_inbound_group_session(room_id, session_id)
            .await
            .map_err(Into::into)?;
        if let (Some(generation), Some(session)) = (generation, &session) {
            self.fill_session(generation, room_id, copy_session(session).await?);
        }
        Ok(session)
    }

    async fn get_withheld_info(
        &self,
        room_id: &RoomId,
        session_id: &str,
    ) -> Result<Option<RoomKeyWithheldEntry>> {
        self.inner
            .get_withheld_info(room_id, session_id)
            .await
            .map_err(Into::into)
    }

    async fn get_withheld_sessions_by_room_id(
        &self,
        room_id: &RoomId,
    ) -> Result<Vec<RoomKeyWithheldEntry>> {
        self.inner
            .get_withheld_sessions_by_room_id(room_id)
            .await
            .map_err(Into::into)
    }

    async fn get_inbound_group_sessions(&self) -> Result<Vec<InboundGroupSession>> {
        self.inner
            .get_inbound_group_sessions()
            .await
            .map_err(Into::into)
    }

    async fn inbound_group_session_counts(
        &self,
        backup_version: Option<&str>,
    ) -> Result<RoomKeyCounts> {
        self.inner
            .inbound_group_session_counts(backup_version)
            .await
            .map_err(Into::into)
    }

    async fn get_inbound_group_sessions_by_room_id(
        &self,
        room_id: &RoomId,
    ) -> Result<Vec<InboundGroupSession>> {
        self.inner
            .get_inbound_group_sessions_by_room_id(room_id)
            .await
            .map_err(Into::into)
    }

    async fn get_inbound_group_sessions_for_device_batch(
        &self,
        curve_key: Curve25519PublicKey,
        sender_data_type: SenderDataType,
        after_session_id: Option<String>,
        limit: usize,
    ) -> Result<Vec<InboundGroupSession>> {
        self.inner
            .get_inbound_group_sessions_for_device_batch(
                curve_key,
                sender_data_type,
                after_session_id,
                limit,
            )
            .await
            .map_err(Into::into)
    }

    async fn inbound_group_sessions_for_backup(
        &self,
        backup_version: &str,
        limit: usize,
    ) -> Result<Vec<InboundGroupSession>> {
        self.inner
            .inbound_group_sessions_for_backup(backup_version, limit)
            .await
            .map_err(Into::into)
    }

    async fn mark_inbound_group_sessions_as_backed_up(
        &self,
        backup_version: &str,
        room_and_session_ids: &[(&RoomId, &str)],
    ) -> Result<()> {
        let result = self
            .inner
            .mark_inbound_group_sessions_as_backed_up(backup_version, room_and_session_ids)
            .await
            .map_err(Into::into);
        self.forget_sessions(room_and_session_ids.iter().map(|(_, id)| *id));
        result
    }

    async fn reset_backup_state(&self) -> Result<()> {
        let result = self.inner.reset_backup_state().await.map_err(Into::into);
        self.written(|state| state.sessions.clear());
        result
    }

    async fn load_backup_keys(&self) -> Result<BackupKeys> {
        self.inner.load_backup_keys().await.map_err(Into::into)
    }

    async fn load_dehydrated_device_pickle_key(&self) -> Result<Option<DehydratedDeviceKey>> {
        self.inner
            .load_dehydrated_device_pickle_key()
            .await
            .map_err(Into::into)
    }

    async fn delete_dehydrated_device_pickle_key(&self) -> Result<()> {
        self.inner
            .delete_dehydrated_device_pickle_key()
            .await
            .map_err(Into::into)
    }

    async fn get_outbound_group_session(
        &self,
        room_id: &RoomId,
    ) -> Result<Option<OutboundGroupSession>> {
        self.inner
            .get_outbound_group_session(room_id)
            .await
            .map_err(Into::into)
    }

    async fn load_tracked_users(&self) -> Result<Vec<TrackedUser>> {
        self.inner.load_tracked_users().await.map_err(Into::into)
    }

    async fn save_tracked_users(&self, users: &[(&UserId, bool)]) -> Result<()> {
        self.inner
            .save_tracked_users(users)
            .await
            .map_err(Into::into)
    }

    async fn get_device(
        &self,
        user_id: &UserId,
        device_id: &DeviceId,
    ) -> Result<Option<DeviceData>> {
        match self.cached_devices(user_id) {
            Ok(devices) => devices
                .get(device_id)
                .map(|json| from_json(json))
                .transpose(),
            // Reads the user's devices (one query, like `get_user_devices`) so the entry is whole.
            Err(Some(generation)) => Ok(self
                .load_devices(user_id, generation)
                .await?
                .remove(device_id)),
            Err(None) => self
                .inner
                .get_device(user_id, device_id)
                .await
                .map_err(Into::into),
        }
    }

    async fn get_user_devices(
        &self,
        user_id: &UserId,
    ) -> Result<HashMap<OwnedDeviceId, DeviceData>> {
        match self.cached_devices(user_id) {
            Ok(devices) => devices_from_json(&devices),
            Err(Some(generation)) => self.load_devices(user_id, generation).await,
            Err(None) => self
                .inner
                .get_user_devices(user_id)
                .await
                .map_err(Into::into),
        }
    }

    async fn get_own_device(&self) -> Result<DeviceData> {
        self.inner.get_own_device().await.map_err(Into::into)
    }

    async fn get_user_identity(&self, user_id: &UserId) -> Result<Option<UserIdentityData>> {
        let generation = {
            let mut state = self.state();
            if state.closed || state.disabled {
                None
            } else if let Some(cached) = state.identities.get(user_id).cloned() {
                state.stats.identity_hits += 1;
                drop(state);
                return cached.as_deref().map(from_json).transpose();
            } else {
                state.stats.identity_misses += 1;
                Some(state.generation)
            }
        };
        let identity = self
            .inner
            .get_user_identity(user_id)
            .await
            .map_err(Into::into)?;
        if let Some(generation) = generation {
            let json = identity.as_ref().map(to_json).transpose()?;
            let mut state = self.state();
            if state.generation == generation {
                state.identities.insert(user_id.to_owned(), json);
            }
        }
        Ok(identity)
    }

    async fn is_message_known(&self, message_hash: &OlmMessageHash) -> Result<bool> {
        self.inner
            .is_message_known(message_hash)
            .await
            .map_err(Into::into)
    }

    async fn get_outgoing_secret_requests(
        &self,
        request_id: &TransactionId,
    ) -> Result<Option<GossipRequest>> {
        self.inner
            .get_outgoing_secret_requests(request_id)
            .await
            .map_err(Into::into)
    }

    async fn get_secret_request_by_info(
        &self,
        secret_info: &SecretInfo,
    ) -> Result<Option<GossipRequest>> {
        self.inner
            .get_secret_request_by_info(secret_info)
            .await
            .map_err(Into::into)
    }

    async fn get_unsent_secret_requests(&self) -> Result<Vec<GossipRequest>> {
        self.inner
            .get_unsent_secret_requests()
            .await
            .map_err(Into::into)
    }

    async fn delete_outgoing_secret_requests(&self, request_id: &TransactionId) -> Result<()> {
        self.inner
            .delete_outgoing_secret_requests(request_id)
            .await
            .map_err(Into::into)
    }

    async fn get_secrets_from_inbox(
        &self,
        secret_name: &SecretName,
    ) -> Result<Vec<Zeroizing<String>>> {
        self.inner
            .get_secrets_from_inbox(secret_name)
            .await
            .map_err(Into::into)
    }

    async fn delete_secrets_from_inbox(&self, secret_name: &SecretName) -> Result<()> {
        self.inner
            .delete_secrets_from_inbox(secret_name)
            .await
            .map_err(Into::into)
    }

    async fn get_room_settings(&self, room_id: &RoomId) -> Result<Option<RoomSettings>> {
        self.inner
            .get_room_settings(room_id)
            .await
            .map_err(Into::into)
    }

    async fn get_received_room_key_bundle_data(
        &self,
        room_id: &RoomId,
        user_id: &UserId,
    ) -> Result<Option<StoredRoomKeyBundleData>> {
        self.inner
            .get_received_room_key_bundle_data(room_id, user_id)
            .await
            .map_err(Into::into)
    }

    async fn get_pending_key_bundle_details_for_room(
        &self,
        room_id: &RoomId,
    ) -> Result<Option<RoomPendingKeyBundleDetails>> {
        self.inner
            .get_pending_key_bundle_details_for_room(room_id)
            .await
            .map_err(Into::into)
    }

    async fn get_all_rooms_pending_key_bundles(&self) -> Result<Vec<RoomPendingKeyBundleDetails>> {
        self.inner
            .get_all_rooms_pending_key_bundles()
            .await
            .map_err(Into::into)
    }

    async fn has_downloaded_all_room_keys(&self, room_id: &RoomId) -> Result<bool> {
        self.inner
            .has_downloaded_all_room_keys(room_id)
            .await
            .map_err(Into::into)
    }

    async fn get_custom_value(&self, key: &str) -> Result<Option<Vec<u8>>> {
        self.inner.get_custom_value(key).await.map_err(Into::into)
    }

    async fn set_custom_value(&self, key: &str, value: Vec<u8>) -> Result<()> {
        self.inner
            .set_custom_value(key, value)
            .await
            .map_err(Into::into)
    }

    async fn remove_custom_value(&self, key: &str) -> Result<()> {
        self.inner
            .remove_custom_value(key)
            .await
            .map_err(Into::into)
    }

    async fn try_take_leased_lock(
        &self,
        lease_duration_ms: u32,
        key: &str,
        holder: &str,
    ) -> Result<Option<CrossProcessLockGeneration>> {
        let generation = self
            .inner
            .try_take_leased_lock(lease_duration_ms, key, holder)
            .await
            .map_err(Into::into)?;
        if let Some(generation) = generation {
            // Another holder had the lock in between and may have written the store.
            let mut state = self.state();
            if state.lock_generation.is_some_and(|last| last != generation) {
                state.clear();
            }
            state.lock_generation = Some(generation);
        }
        Ok(generation)
    }

    async fn next_batch_token(&self) -> Result<Option<String>> {
        self.inner.next_batch_token().await.map_err(Into::into)
    }

    async fn close(&self) -> Result<()> {
        {
            let mut state = self.state();
            state.closed = true;
            state.clear();
        }
        self.inner.close().await.map_err(Into::into)
    }

    async fn reopen(&self) -> Result<()> {
        let result = self.inner.reopen().await.map_err(Into::into);
        let mut state = self.state();
        // The files may have changed while the store was closed.
        state.clear();
        state.closed = result.is_err();
        result
    }

    async fn get_size(&self) -> Result<Option<usize>> {
        self.inner.get_size().await.map_err(Into::into)
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use ruma::{room_id, RoomId};
    use serde_json::{json, Value};

    use super::*;
    use crate::machine::Session;
    use crate::requests::{self, RequestType};
    use crate::room::{self, DecryptOutcome};
    use crate::{runtime, sync};

    const ROOM: &str = "!cache:amt.example";
    const ALICE: &str = "@sachbearbeitung:amt.example";
    const BOB: &str = "@buerger:amt.example";

    /// A fresh directory for one store, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let path = std::env::temp_dir().join(format!(
                "amtsdesk-store-cache-{name}-{}-{:?}",
                std::process::id(),
                std::time::SystemTime::now()
            ));
            std::fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn open_bob(dir: &TempDir) -> Session {
        Session::open(BOB, "BOBDEVICE", dir.0.to_str().unwrap(), &[7; 32]).unwrap()
    }

    fn room() -> &'static RoomId {
        room_id!("!cache:amt.example")
    }

    /// Alice shares a room key and encrypts `count` messages with it.
    fn alice_with_messages(count: usize) -> (Session, Vec<String>) {
        let alice = Session::in_memory(ALICE, "ALICEDEVICE").unwrap();
        sync::share_room_key(&alice, ROOM, &[ALICE.to_owned()]).unwrap();
        let events = (0..count)
            .map(|index| {
                let content = room::encrypt_room_event(
                    &alice,
                    ROOM,
                    "m.room.message",
                    &json!({"msgtype": "m.text", "body": format!("Nachricht {index}")}).to_string(),
                )
                .unwrap();
                json!({
                    "type": "m.room.encrypted",
                    "content": serde_json::from_str::<Value>(&content).unwrap(),
                    "sender": ALICE,
                    "event_id": format!("$cache{index}"),
                    "origin_server_ts": 1_750_000_000_000u64 + index as u64,
                    "room_id": ROOM,
                })
                .to_string()
            })
            .collect();
        (alice, events)
    }

    fn alice_session(alice: &Session) -> InboundGroupSession {
        let sessions =
            runtime::block_on(alice.machine().store().get_inbound_group_sessions()).unwrap();
        sessions.unwrap().into_iter().next().unwrap()
    }

    /// Imports Alice's room key as known from `index` on.
    fn import_at(bob: &Session, session: &InboundGroupSession, index: u32) {
        runtime::block_on(async {
            let key = session.export_at_index(index).await;
            bob.machine()
                .store()
                .import_exported_room_keys(vec![key], |_, _| {})
                .await
                .unwrap()
        })
        .unwrap();
    }

    /// `Ok(verification state)` or `Err(failure reason)`.
    fn decrypt(bob: &Session, event: &str) -> Result<&'static str, &'static str> {
        match room::decrypt_room_event_str(bob, ROOM, event).unwrap() {
            DecryptOutcome::Decrypted(decrypted) => Ok(decrypted.verification_state),
            DecryptOutcome::Failed { reason, .. } => Err(reason.java_name()),
        }
    }

    fn cache(bob: &Session) -> &CachingCryptoStore<matrix_sdk_sqlite::SqliteCryptoStore> {
        bob.persistent_store().unwrap()
    }

    #[test]
    fn a_session_replaced_by_a_better_one_is_read_again() {
        // Declared first, dropped last: SQLite's pool drops its connections on tokio's threads.
        let _runtime = runtime::runtime().unwrap().enter();
        let dir = TempDir::new("better");
        let bob = open_bob(&dir);
        let (alice, events) = alice_with_messages(3);
        let session = alice_session(&alice);

        // Bob first gets the key only from message 1 on: message 0 cannot be decrypted.
        import_at(&bob, &session, 1);
        assert!(decrypt(&bob, &events[1]).is_ok());
        assert!(decrypt(&bob, &events[2]).is_ok());
        assert_eq!(decrypt(&bob, &events[0]), Err("UNKNOWN_MESSAGE_INDEX"));
        assert!(
            cache(&bob).stats().session_hits >= 2,
            "the session must come from the cache: {:?}",
            cache(&bob).stats()
        );

        // The whole key arrives (lower first known index: the store replaces the session).
        import_at(&bob, &session, 0);
        assert!(decrypt(&bob, &events[0]).is_ok());
        assert!(decrypt(&bob, &events[2]).is_ok());
    }

    /// Feeds Bob a `/keys/query` answer about Alice.
    fn answer_keys_query(bob: &Session, alice_answer: Value) {
        let query = sync::query_keys(bob, &[ALICE.to_owned()]).unwrap();
        let mut response = json!({ "device_keys": { ALICE: {} }, "failures": {} });
        for (field, value) in alice_answer.as_object().unwrap() {
            response[field] = json!({ ALICE: value });
        }
        requests::mark_request_as_sent(
            bob,
            &query.request_id,
            RequestType::KeysQuery,
            &response.to_string(),
        )
        .unwrap();
    }

    fn alice_device(bob: &Session) -> Option<matrix_sdk_crypto::Device> {
        let alice = <&UserId>::try_from(ALICE).unwrap();
        runtime::block_on(bob.machine().get_device(alice, "ALICEDEVICE".into(), None))
            .unwrap()
            .unwrap()
    }

    #[test]
    fn devices_and_identities_written_after_a_read_are_seen() {
        let _runtime = runtime::runtime().unwrap().enter();
        let dir = TempDir::new("devices");
        let bob = open_bob(&dir);
        let (alice, events) = alice_with_messages(2);
        let alice_id = <&UserId>::try_from(ALICE).unwrap();
        import_at(&bob, &alice_session(&alice), 0);

        // Decrypting looks for Alice's devices and identity: none yet, and that is cached too.
        assert_eq!(decrypt(&bob, &events[0]), Ok("INSECURE_SOURCE"));
        assert_eq!(decrypt(&bob, &events[1]), Ok("INSECURE_SOURCE"));
        let stats = cache(&bob).stats();
        assert!(
            stats.device_hits >= 1 && stats.identity_hits >= 1,
            "Alice's (absent) devices and identity must come from the cache: {stats:?}"
        );
        assert!(alice_device(&bob).is_none());
        let identity = runtime::block_on(bob.machine().get_identity(alice_id, None)).unwrap();
        assert!(identity.unwrap().is_none());

        // A `/keys/query` answer brings Alice's device and her cross-signing identity.
        let upload = requests::outgoing_requests(&alice)
            .unwrap()
            .into_iter()
            .find(|request| request.kind == RequestType::KeysUpload)
            .expect("Alice has keys to upload");
        let device_keys =
            serde_json::from_str::<Value>(&upload.body).unwrap()["device_keys"].clone();
        let signing_keys = runtime::block_on(alice.machine().bootstrap_cross_signing(false))
            .unwrap()
            .unwrap();
        let signing_keys = signing_keys.upload_signing_keys_req;
        answer_keys_query(
            &bob,
            json!({
                "device_keys": { "ALICEDEVICE": device_keys },
                "master_keys": signing_keys.master_key,
                "self_signing_keys": signing_keys.self_signing_key,
            }),
        );
        let device = alice_device(&bob).expect("the device from the answer");
        assert!(!device.is_locally_trusted());
        let identity = runtime::block_on(bob.machine().get_identity(alice_id, None)).unwrap();
        assert!(identity.unwrap().is_some(), "the identity from the answer");

        // A device marked as trusted (saved as a changed device).
        runtime::block_on(device.set_local_trust(matrix_sdk_crypto::LocalTrust::Verified))
            .unwrap()
            .unwrap();
        assert!(alice_device(&bob).unwrap().is_locally_trusted());

        // Alice logs the device out: the next answer lists none, the device is deleted.
        answer_keys_query(&bob, json!({ "device_keys": {} }));
        assert!(alice_device(&bob).is_none());
        let devices = runtime::block_on(cache(&bob).get_user_devices(alice_id))
            .unwrap()
            .unwrap();
        assert!(devices.is_empty(), "{devices:?}");
        assert_eq!(decrypt(&bob, &events[0]), Ok("INSECURE_SOURCE"));
    }

    #[test]
    fn the_backed_up_flag_is_never_stale() {
        // Declared first, dropped last: SQLite's pool drops its connections on tokio's threads.
        let _runtime = runtime::runtime().unwrap().enter();
        let dir = TempDir::new("backup");
        let bob = open_bob(&dir);
        let (alice, events) = alice_with_messages(1);
        import_at(&bob, &alice_session(&alice), 0);
        assert!(decrypt(&bob, &events[0]).is_ok());
        let store = cache(&bob);
        let session_id = alice_session(&alice).session_id().to_owned();
        let read = || {
            runtime::block_on(store.get_inbound_group_session(room(), &session_id))
                .unwrap()
                .unwrap()
                .unwrap()
        };

        let first = read();
        assert!(!first.backed_up());
        // Changing the object handed out changes nothing in the cache.
        first.mark_as_backed_up();
        assert!(!read().backed_up());

        runtime::block_on(
            store.mark_inbound_group_sessions_as_backed_up("1", &[(room(), session_id.as_str())]),
        )
        .unwrap()
        .unwrap();
        assert!(read().backed_up());

        runtime::block_on(store.reset_backup_state())
            .unwrap()
            .unwrap();
        assert!(!read().backed_up());
        // Asked for another room, the store says there is no such session; so does the cache.
        let other = runtime::block_on(
            store.get_inbound_group_session(room_id!("!other:amt.example"), &session_id),
        )
        .unwrap()
        .unwrap();
        assert!(other.is_none());
    }

    #[test]
    fn a_closed_store_is_not_answered_from_the_cache() {
        // Declared first, dropped last: SQLite's pool drops its connections on tokio's threads.
        let _runtime = runtime::runtime().unwrap().enter();
        let dir = TempDir::new("closed");
        let bob = open_bob(&dir);
        let (alice, events) = alice_with_messages(1);
        import_at(&bob, &alice_session(&alice), 0);
        assert!(decrypt(&bob, &events[0]).is_ok());
        let store = cache(&bob);
        let session_id = alice_session(&alice).session_id().to_owned();
        runtime::block_on(store.close()).unwrap().unwrap();
        let closed =
            runtime::block_on(store.get_inbound_group_session(room(), &session_id)).unwrap();
        assert!(
            closed.is_err(),
            "a closed store must fail, not answer from memory"
        );
        runtime::block_on(store.reopen()).unwrap().unwrap();
        let reopened =
            runtime::block_on(store.get_inbound_group_session(room(), &session_id)).unwrap();
        assert!(reopened.unwrap().is_some());
    }

    #[test]
    fn a_read_that_raced_with_a_write_is_not_cached() {
        let _runtime = runtime::runtime().unwrap().enter();
        let dir = TempDir::new("race");
        let bob = open_bob(&dir);
        let (alice, _) = alice_with_messages(1);
        let session = alice_session(&alice);
        import_at(&bob, &session, 1);
        let store = cache(&bob);
        let session_id = session.session_id().to_owned();

        // A read misses and goes to the store ...
        let (cached, generation) = store.cached_session(room(), &session_id);
        assert!(cached.is_none());
        let old = runtime::block_on(store.inner().get_inbound_group_session(room(), &session_id))
            .unwrap()
            .unwrap()
            .unwrap();
        // ... meanwhile the better session is written ...
        import_at(&bob, &session, 0);
        // ... and the read's older answer must not end up in the cache.
        store.fill_session(generation.unwrap(), room(), old);
        let read = runtime::block_on(store.get_inbound_group_session(room(), &session_id))
            .unwrap()
            .unwrap()
            .unwrap();
        assert_eq!(read.first_known_index(), 0);
    }

    #[test]
    fn the_cache_is_bounded() {
        // Declared first, dropped last: SQLite's pool drops its connections on tokio's threads.
        let _runtime = runtime::runtime().unwrap().enter();
        let dir = TempDir::new("bounded");
        let bob = open_bob(&dir);
        let store = CachingCryptoStore::with_capacity(
            matrix_sdk_sqlite::SqliteCryptoStore::clone(cache(&bob).inner()),
            2,
            2,
        );
        runtime::block_on(async {
            for index in 0..5 {
                let user = OwnedUserId::try_from(format!("@user{index}:amt.example")).unwrap();
                store.get_user_identity(&user).await.unwrap();
                store.get_user_devices(&user).await.unwrap();
            }
        })
        .unwrap();
        let state = store.state();
        assert_eq!(state.identities.len(), 2);
        assert_eq!(state.devices.len(), 2);
    }
}
