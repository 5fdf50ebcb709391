//! Megolm decryption throughput in Rust alone, through exactly the functions the JNI entry
//! points call (`room::decrypt_room_event_str`), so that `bench/…/MegolmDecryptBench.java` can
//! compare it with the same loop through JNI.
//!
//!     cargo build --release --locked --example megolm_decrypt_bench
//!     megolm_decrypt_bench [events (default 20000)] [timed rounds (default 3)] [store]
//!
//! Two in-memory machines: A creates room keys (a new one every 100 messages, the SDK default)
//! and encrypts N text messages, B imports A's keys from a key export. B then decrypts all N
//! events once as a warm-up and `rounds` more times timed; only the decrypt loop is timed.
//! Prints one line per timed round (`round …`) and last the median:
//! `rust events=N seconds=S events_per_second=E`.
//!
//! With `store` (ADR 0022) it then also times B's keys in the encrypted SQLite store, with the
//! read cache and with it switched off, and tokio's blocking-pool hop that every uncached
//! SQLite read makes (`rust-store …`, `rust-store-uncached …`, `blocking-hop …` lines).

use std::process::ExitCode;
use std::time::Instant;

use amtsdesk_crypto::error::NativeResult;
use amtsdesk_crypto::machine::Session;
use amtsdesk_crypto::room::{self, DecryptOutcome};
use amtsdesk_crypto::{backup, sync};

const ROOM: &str = "!bench:amt.example";
const ALICE: &str = "@sachbearbeitung:amt.example";
const BOB: &str = "@buerger:amt.example";
const PASSPHRASE: &str = "bench passphrase";

/// The same events as the Java side builds: a short German text message, wrapped as the
/// homeserver would deliver it.
fn event_json(encrypted_content: &str, index: usize) -> String {
    format!(
        r#"{{"type":"m.room.encrypted","content":{encrypted_content},"sender":"{ALICE}","event_id":"$bench{index}","origin_server_ts":{},"room_id":"{ROOM}"}}"#,
        1_750_000_000_000u64 + index as u64
    )
}

fn content_json(index: usize) -> String {
    format!(
        r#"{{"msgtype":"m.text","body":"Nachricht {index}: Ihr Antrag auf Wohngeld ist eingegangen und wird bearbeitet."}}"#
    )
}

fn prepare(count: usize) -> NativeResult<(Session, Vec<String>)> {
    let alice = Session::in_memory(ALICE, "ALICEDEVICE")?;
    let bob = Session::in_memory(BOB, "BOBDEVICE")?;
    let members = [ALICE.to_owned()];
    let mut events = Vec::with_capacity(count);
    for index in 0..count {
        // A no-op unless the session expired (every 100 messages), exactly like a real sender.
        sync::share_room_key(&alice, ROOM, &members)?;
        let content =
            room::encrypt_room_event(&alice, ROOM, "m.room.message", &content_json(index))?;
        events.push(event_json(&content, index));
    }
    let export = backup::export_room_keys(&alice, PASSPHRASE)?;
    backup::import_room_keys(&bob, &export, PASSPHRASE)?;
    Ok((bob, events))
}

fn decrypt_all(bob: &Session, events: &[String]) -> NativeResult<usize> {
    let mut bytes = 0;
    for event in events {
        match room::decrypt_room_event_str(bob, ROOM, event)? {
            DecryptOutcome::Decrypted(decrypted) => bytes += decrypted.clear_event.len(),
            DecryptOutcome::Failed { reason, message } => {
                return Err(amtsdesk_crypto::error::NativeError::crypto(format!(
                    "decryption failed ({reason:?}): {message}"
                )))
            }
        }
    }
    Ok(bytes)
}

/// One warm-up round, then `rounds` timed ones; the median in seconds.
fn median_seconds(
    rounds: usize,
    mut body: impl FnMut() -> NativeResult<usize>,
) -> NativeResult<f64> {
    body()?;
    let mut seconds = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        body()?;
        seconds.push(start.elapsed().as_secs_f64());
    }
    seconds.sort_by(f64::total_cmp);
    Ok(seconds[seconds.len() / 2])
}

/// B's keys in the encrypted SQLite store (imported from the in-memory B's export), decrypted
/// with the read cache and without it; then the bare cost of a hop to tokio's blocking pool.
fn run_store(bob: &Session, events: &[String], rounds: usize) -> NativeResult<()> {
    let directory = std::env::temp_dir().join(format!("megolm-bench-store-{}", std::process::id()));
    std::fs::create_dir_all(&directory).map_err(|error| {
        amtsdesk_crypto::error::NativeError::crypto(format!("temp dir: {error}"))
    })?;
    let result = (|| {
        let stored = Session::open(BOB, "BOBSTORE", &directory.to_string_lossy(), &[9; 32])?;
        let export = backup::export_room_keys(bob, PASSPHRASE)?;
        backup::import_room_keys(&stored, &export, PASSPHRASE)?;
        let store = stored
            .persistent_store()
            .expect("an opened session has a persistent store");
        let count = events.len() as f64;
        let cached = median_seconds(rounds, || decrypt_all(&stored, events))?;
        println!(
            "rust-store events={} seconds={cached:.4} events_per_second={:.0} ({:?})",
            events.len(),
            count / cached,
            store.stats()
        );
        store.set_caching(false);
        let uncached = median_seconds(rounds, || decrypt_all(&stored, events))?;
        store.set_caching(true);
        println!(
            "rust-store-uncached events={} seconds={uncached:.4} events_per_second={:.0}",
            events.len(),
            count / uncached
        );
        let hops = 100_000;
        let hop = median_seconds(rounds, || {
            amtsdesk_crypto::runtime::block_on(async {
                for _ in 0..hops {
                    let _ = tokio::task::spawn_blocking(|| ()).await;
                }
            })?;
            Ok(hops)
        })?;
        println!(
            "blocking-hop microseconds={:.2} (spawn_blocking round trip from a block_on thread)",
            hop / hops as f64 * 1e6
        );
        let _context = amtsdesk_crypto::runtime::runtime()?.enter();
        drop(stored);
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&directory);
    result
}

fn run(count: usize, rounds: usize, store: bool) -> NativeResult<()> {
    let (bob, events) = prepare(count)?;
    decrypt_all(&bob, &events)?; // warm-up
    let mut seconds = Vec::with_capacity(rounds);
    for round in 1..=rounds {
        let start = Instant::now();
        let bytes = decrypt_all(&bob, &events)?;
        let elapsed = start.elapsed().as_secs_f64();
        println!(
            "round {round}: events={count} seconds={elapsed:.4} events_per_second={:.0} (plaintext bytes {bytes})",
            count as f64 / elapsed
        );
        seconds.push(elapsed);
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    println!(
        "rust events={count} seconds={median:.4} events_per_second={:.0}",
        count as f64 / median
    );
    if store {
        run_store(&bob, &events, rounds)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let count = args
        .next()
        .map_or(Ok(20_000), |value| value.parse::<usize>());
    let rounds = args.next().map_or(Ok(3), |value| value.parse::<usize>());
    let store = match args.next().as_deref() {
        None => Ok(false),
        Some("store") => Ok(true),
        Some(_) => Err(()),
    };
    let (Ok(count), Ok(rounds), Ok(store)) = (count, rounds, store) else {
        eprintln!("usage: megolm_decrypt_bench [events] [timed rounds] [store]");
        return ExitCode::from(2);
    };
    if count == 0 || rounds == 0 {
        eprintln!("events and rounds must be positive");
        return ExitCode::from(2);
    }
    match run(count, rounds, store) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("megolm_decrypt_bench: {error}");
            ExitCode::FAILURE
        }
    }
}
