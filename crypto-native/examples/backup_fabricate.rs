//! Fills a key backup for the restore benchmark (`bench/…/BackupRestoreBench.java`): makes `count`
//! fresh Megolm sessions spread over `rooms` rooms, encrypts each for the backup whose public key
//! is `public_key` (the version's `auth_data.public_key`) exactly as a device backing up would (matrix-sdk-crypto's `MegolmV1BackupKey::encrypt`), and
//! prints them as bodies for `PUT /_matrix/client/v3/room_keys/keys?version=…`, one JSON object
//! per line with at most `per_line` sessions each.
//!
//!     cargo build --release --locked --example backup_fabricate
//!     backup_fabricate <backup public key> <count> <rooms> [per_line (default 5000)]
//!
//! The sessions are real (vodozemac), so a restore decrypts and imports them as it would
//! a real backup; only no message was ever encrypted with them.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use amtsdesk_crypto::runtime;
use matrix_sdk_crypto::backups::MegolmV1BackupKey;
use matrix_sdk_crypto::olm::{ExportedRoomKey, InboundGroupSession};
use matrix_sdk_crypto::vodozemac::megolm::{self, SessionConfig};
use matrix_sdk_crypto::vodozemac::{Curve25519PublicKey, Curve25519SecretKey, Ed25519Keypair};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: backup_fabricate <backup public key> <count> <rooms> [per_line]");
        return ExitCode::from(2);
    }
    let parsed = (
        MegolmV1BackupKey::from_base64(&args[0]),
        args[1].parse::<usize>(),
        args[2].parse::<usize>(),
        args.get(3).map_or(Ok(5000), |value| value.parse::<usize>()),
    );
    let (Ok(backup_key), Ok(count), Ok(rooms), Ok(per_line)) = parsed else {
        eprintln!("backup_fabricate: a backup public key and three positive numbers, please");
        return ExitCode::from(2);
    };
    if rooms == 0 || per_line == 0 {
        eprintln!("backup_fabricate: rooms and per_line must be positive");
        return ExitCode::from(2);
    }
    // One sending device for all sessions, as for an agency that wrote to every room itself.
    let sender_key = Curve25519PublicKey::from(&Curve25519SecretKey::new());
    let signing_key = Ed25519Keypair::new().public_key();

    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut line = String::new();
    let mut in_line = 0usize;
    let mut current_room = usize::MAX;
    for index in 0..count {
        // Contiguous per room, so that a room appears once in each line.
        let room = index * rooms / count;
        let outbound = megolm::GroupSession::new(SessionConfig::version_1());
        let mut inbound =
            megolm::InboundGroupSession::new(&outbound.session_key(), SessionConfig::version_1());
        let Some(exported) = inbound.export_at(0) else {
            eprintln!("backup_fabricate: vodozemac could not export a fresh session");
            return ExitCode::FAILURE;
        };
        let export_json = serde_json::json!({
            "algorithm": "m.megolm.v1.aes-sha2",
            "room_id": format!("!restore{room}:amt.example"),
            "sender_key": sender_key.to_base64(),
            "session_id": outbound.session_id(),
            "session_key": exported.to_base64(),
            "sender_claimed_keys": { "ed25519": signing_key.to_base64() },
            "forwarding_curve25519_key_chain": [],
        });
        let room_key: ExportedRoomKey = match serde_json::from_value(export_json) {
            Ok(room_key) => room_key,
            Err(error) => {
                eprintln!("backup_fabricate: {error}");
                return ExitCode::FAILURE;
            }
        };
        let session = match InboundGroupSession::from_export(&room_key) {
            Ok(session) => session,
            Err(error) => {
                eprintln!("backup_fabricate: {error}");
                return ExitCode::FAILURE;
            }
        };
        let data = match runtime::block_on(backup_key.encrypt(session)) {
            Ok(Ok(data)) => data,
            _ => {
                eprintln!("backup_fabricate: could not encrypt a session for the backup");
                return ExitCode::FAILURE;
            }
        };
        let data_json = serde_json::to_string(&data).unwrap_or_default();
        // Sessions are written room by room within a line: {"rooms":{"!r":{"sessions":{"id":{…},…}},…}}
        if in_line == 0 {
            line.push_str("{\"rooms\":{");
            current_room = usize::MAX;
        }
        if room != current_room {
            if current_room != usize::MAX {
                line.push_str("}},");
            }
            let _ = write!(line, "\"!restore{room}:amt.example\":{{\"sessions\":{{");
            current_room = room;
        } else {
            line.push(',');
        }
        let _ = write!(line, "\"{}\":{}", outbound.session_id(), data_json);
        in_line += 1;
        if in_line == per_line || index + 1 == count {
            line.push_str("}}}}");
            if writeln!(out, "{line}").is_err() {
                return ExitCode::FAILURE;
            }
            line.clear();
            in_line = 0;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
