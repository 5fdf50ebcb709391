#!/usr/bin/env python3
"""Draws one PNG chart per benchmark from the figures in bench/results/*.txt into docs/performance/.

Run with bench/charts.sh (it makes a virtualenv with matplotlib under ~/.cache/amtsdesk). Only figures that are
written in the results files are drawn; a results file that is missing or lacks a figure is skipped and named.
"""
import pathlib
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
OUT = ROOT / "docs" / "performance"
AMTSDESK = "#1f5fa8"
AMTSDESK_AOT = "#6fa1dc"
OTHER = "#b0b0b0"


def read(name):
    path = RESULTS / name
    return path.read_text(encoding="utf-8") if path.exists() else None


def numbers(text, key):
    """The list after 'key: [a, b, c]' as floats, or None."""
    m = re.search(r"^" + re.escape(key) + r": \[([^\]]*)\]", text, re.M)
    return [float(x) for x in m.group(1).split(",")] if m else None


def number(text, key):
    m = re.search(r"^" + re.escape(key) + r": ([0-9.]+)", text, re.M)
    return float(m.group(1)) if m else None


def mode_medians(text, modes, patterns):
    """Per (mode, label): the label and the median after each pattern ('MODE: <pattern> median=N'); modes that
    lack one are left out."""
    rows = []
    for mode, label in modes:
        found = [re.search(r"^" + re.escape(mode) + r": " + pattern + r" median=(\d+)", text, re.M)
                 for pattern in patterns]
        if all(found):
            rows.append((label,) + tuple(float(m.group(1)) for m in found))
    return rows


def label_bars(ax, bars, fmt="{:.0f}"):
    for bar in bars:
        ax.annotate(fmt.format(bar.get_height()), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=8)


def save(fig, name, drawn):
    OUT.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(OUT / name, dpi=110)
    plt.close(fig)
    drawn.append(name)


def initial_sync(drawn, name="initial-sync"):
    text = read(name + ".txt")
    if not text:
        return name + ".txt missing"
    a = numbers(text, "amtsdesk-ms")
    j = numbers(text, "matrix-js-sdk-ms")
    z = numbers(text, "amtsdesk-aot-ms")
    workload = re.search(r"^workload: (\d+) rooms x (\d+)", text, re.M)
    series = [("Amtsdesk", a, AMTSDESK)]
    if z:
        series.append(("Amtsdesk + AOT cache", z, AMTSDESK_AOT))
    series.append(("matrix-js-sdk", j, OTHER))
    fig, ax = plt.subplots(figsize=(7.5, 4))
    width = 0.8 / len(series)
    for i, (label, values, colour) in enumerate(series):
        xs = [r + i * width for r in range(len(values))]
        ax.bar(xs, values, width, label=label, color=colour)
    ax.set_xticks([r + width * (len(series) - 1) / 2 for r in range(len(a))])
    ax.set_xticklabels([f"round {r + 1}" for r in range(len(a))])
    ax.set_ylabel("ms, first /sync → all decrypted\n(lower is better)")
    title = "Initial sync + decrypt"
    if workload:
        title += f": {workload.group(1)} rooms × {workload.group(2)} messages"
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=len(series), frameon=False)
    save(fig, name + ".png", drawn)
    return None


def megolm(drawn):
    text = read("megolm-decrypt.txt")
    if not text:
        return "megolm-decrypt.txt missing"
    keys = [("Rust alone", "rust-events-per-second"), ("JNI", "jni-events-per-second"),
            ("JNI, 100 per call", "jni-batch-events-per-second"),
            ("JNI, encrypted SQLite store", "jni-store-events-per-second")]
    names, values = [], []
    for name, key in keys:
        v = number(text, key)
        if v is not None:
            names.append(name)
            values.append(v)
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    bars = ax.bar(names, values, color=[OTHER, AMTSDESK, AMTSDESK, AMTSDESK_AOT][:len(values)])
    label_bars(ax, bars)
    ax.set_ylabel("Megolm events decrypted per second, one core")
    ax.set_title("Megolm decryption: Rust, through JNI, against the real crypto store")
    save(fig, "megolm-decrypt.png", drawn)
    return None


def startup(drawn):
    text = read("packaged-startup.txt")
    if not text:
        return "packaged-startup.txt missing"
    aot = re.search(r"^aot: spawn->first-screen-ms median=(\d+)", text, re.M)
    plain = re.search(r"^plain: spawn->first-screen-ms median=(\d+)", text, re.M)
    if not aot or not plain:
        return "packaged-startup.txt lacks the medians"
    fig, ax = plt.subplots(figsize=(6, 3.5))
    bars = ax.bar(["app-image, no AOT cache", "app-image with its AOT cache"],
                  [float(plain.group(1)), float(aot.group(1))], color=[OTHER, AMTSDESK])
    label_bars(ax, bars)
    ax.set_ylabel("ms from spawn to the first screen (median)")
    ax.set_title("Packaged start-up")
    save(fig, "packaged-startup.png", drawn)
    return None


def startup_to_queue(drawn):
    text = read("packaged-startup-queue.txt")
    if not text:
        return "packaged-startup-queue.txt missing"
    modes = [("plain", "no AOT cache"), ("aot-first-screen", "AOT cache trained\nto the first screen"),
             ("aot", "AOT cache trained\nto the queue (shipped)")]
    rows = mode_medians(text, modes, [r"spawn->unlock-ms", r"enter->queue-ms"])
    if len(rows) < 2:
        return "packaged-startup-queue.txt lacks the medians"
    fig, ax = plt.subplots(figsize=(7, 3.8))
    labels = [r[0] for r in rows]
    first = ax.bar(labels, [r[1] for r in rows], color=OTHER, label="spawn → unlock screen")
    second = ax.bar(labels, [r[2] for r in rows], bottom=[r[1] for r in rows], color=AMTSDESK,
                    label="Enter → queue of 10,000 cases")
    for i, r in enumerate(rows):
        ax.annotate("{:.0f} + {:.0f} = {:.0f}".format(r[1], r[2], r[1] + r[2]), (i, r[1] + r[2]), ha="center",
                    va="bottom", fontsize=8)
    ax.axhline(2500, color="#c0392b", linestyle="--", linewidth=1)
    ax.annotate("goal 2.5 s", (len(rows) - 0.5, 2500), ha="right", va="bottom", fontsize=8, color="#c0392b")
    ax.set_ylabel("ms (medians; typing the passphrase not counted)")
    ax.set_title("Packaged app: start to the case queue")
    ax.legend(fontsize=8, loc="upper right")
    save(fig, "packaged-startup-queue.png", drawn)
    return None


PACKAGED_MEMORY_MODES = [("before", "before: JVM default heap,\nOpenGL loaded"),
                         ("plain", "lean heap, no OpenGL,\nno AOT cache"), ("aot", "lean heap, no OpenGL,\nAOT cache (shipped)")]
ARGON2ID_MEMORY_MODES = [("before", "before: Argon2id in Java\n(image of 195d634)"),
                         ("plain", "Argon2id native,\nno AOT cache"), ("aot", "Argon2id native,\nAOT cache (shipped)")]


def packaged_memory(drawn, results="packaged-startup-queue-memory.txt", modes=PACKAGED_MEMORY_MODES,
                    png="packaged-memory.png", title="Packaged app with 10,000 cases: resident memory"):
    text = read(results)
    if not text:
        return results + " missing"
    rows = mode_medians(text, modes, [r"rows=\S+ peak-rss-mb", r"settled-rss-mb"])
    if len(rows) < 2:
        return results + " lacks the medians"
    fig, ax = plt.subplots(figsize=(7, 3.8))
    x = range(len(rows))
    width = 0.38
    first = ax.bar([i - width / 2 for i in x], [r[1] for r in rows], width, color=OTHER,
                   label="peak RSS when the queue is shown")
    second = ax.bar([i + width / 2 for i in x], [r[2] for r in rows], width, color=AMTSDESK,
                    label="RSS 15 s later (engines syncing)")
    label_bars(ax, first)
    label_bars(ax, second)
    ax.set_xticks(list(x))
    ax.set_xticklabels([r[0] for r in rows], fontsize=8)
    ax.axhline(350, color="#c0392b", linestyle="--", linewidth=1)
    ax.annotate("goal 350 MB", (len(rows) - 0.5, 350), ha="right", va="bottom", fontsize=8, color="#c0392b")
    ax.set_ylabel("MB (medians of 5 starts)")
    ax.set_ylim(0, max(max(r[1], r[2]) for r in rows) * 1.3)  # room for the legend above the bars
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper left")
    save(fig, png, drawn)
    return None


# (results file, kind in it, label): the 1,000-room sync with 10,000 cases, settled, by what the image did after it.
SYNC_MEMORY_KINDS = [("packaged-sync-1000-rooms-compaction-shipped.txt", "stop26", "stop 26 image:\nno compaction"),
                     ("packaged-sync-1000-rooms-compaction-ratio20.txt", "aot", "compaction,\nMaxHeapFreeRatio 30"),
                     ("packaged-sync-1000-rooms-compaction-shipped.txt", "aot", "compaction,\nMaxHeapFreeRatio 20\n(shipped)")]


def starts_of(text, kind):
    """(peak, settled) RSS in MB of each start of a kind in a PackagedSyncBench report."""
    return [(float(peak), float(settled)) for peak, settled in re.findall(
        r"^" + re.escape(kind) + r" round \d+: .*peak RSS (\d+) MB, settled RSS (\d+) MB", text, re.M)]


def sync_memory(drawn, png="packaged-sync-memory-1000.png"):
    rows = []
    for results, kind, label in SYNC_MEMORY_KINDS:
        text = read(results)
        starts = starts_of(text, kind) if text else []
        if not starts:
            return results + " lacks the starts of " + kind
        rows.append((label, sorted(s[0] for s in starts), sorted(s[1] for s in starts)))
    fig, ax = plt.subplots(figsize=(7, 3.8))
    x = range(len(rows))
    width = 0.38
    median = lambda values: values[len(values) // 2]
    first = ax.bar([i - width / 2 for i in x], [median(r[1]) for r in rows], width, color=OTHER,
                   label="peak RSS during the sync")
    second = ax.bar([i + width / 2 for i in x], [median(r[2]) for r in rows], width, color=AMTSDESK,
                    label="RSS 20 s after the last room was decrypted")
    for i, r in enumerate(rows):  # every start, so that the spread shows beside the median
        ax.plot([i + width / 2] * len(r[2]), r[2], "k.", markersize=4)
    label_bars(ax, first)
    label_bars(ax, second)
    ax.set_xticks(list(x))
    ax.set_xticklabels([r[0] for r in rows], fontsize=8)
    ax.axhline(350, color="#c0392b", linestyle="--", linewidth=1, label="goal: 350 MB settled")
    ax.set_ylabel("MB (median; dots: each start)")
    ax.set_ylim(0, max(max(r[1]) for r in rows) * 1.5)  # room for the legend above the bars
    ax.set_title("Packaged app, 10,000 cases, 1,000 rooms synced after being off")
    ax.legend(fontsize=8, loc="upper left")
    save(fig, png, drawn)
    return None


def search(drawn):
    text = read("full-text-search.txt")
    if not text:
        return "full-text-search.txt missing"
    rows = re.findall(r"^search-median-ms\[([^,\]]+), \"([^\"]+)\"[^\]]*\]: ([0-9.]+)", text, re.M)
    if not rows:
        return "full-text-search.txt lacks per-query medians"
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    labels = [f'"{q}" ({kind})' for kind, q, _ in rows]
    values = [float(v) for _, _, v in rows]
    ax.barh(labels[::-1], values[::-1], color=AMTSDESK)
    for y, v in enumerate(values[::-1]):
        ax.annotate(f"{v:.1f}", (v, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.axvline(100, color="#c0392b", linestyle="--", linewidth=1, label="goal: 100 ms")
    ax.set_xlabel("median ms per query (lower is better)")
    ax.set_title("Full-text search, encrypted store (210,000 documents)", loc="left")
    ax.legend(loc="lower right")
    save(fig, "full-text-search.png", drawn)
    return None


def store_file(drawn):
    text = read("full-text-search.txt")
    built = number(text or "", "database-file-bytes")
    plain = number(text or "", "database-file-bytes-after-plain-close")
    compacted = number(text or "", "database-file-bytes-after-exit-compaction")
    if not (built and plain and compacted):
        return "full-text-search.txt lacks the file sizes"
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    labels = ["after the index build", "after a plain close", "after the exit compaction"]
    bars = ax.bar(labels, [built / 1e6, plain / 1e6, compacted / 1e6], color=[OTHER, OTHER, AMTSDESK])
    label_bars(ax, bars, "{:.0f} MB")
    ax.set_ylabel("database file, MB")
    ax.set_title("Encrypted H2 store after 210,000 documents (was 2,019 MB before schema 11)", loc="left")
    save(fig, "store-file.png", drawn)
    return None


def restore(drawn):
    text = read("backup-restore.txt")
    seconds = number(text or "", "restore-seconds")
    keys = number(text or "", "keys-imported")
    if not (seconds and keys):
        return "backup-restore.txt missing"
    fig, ax = plt.subplots(figsize=(7.5, 2.6))
    bars = ax.barh([f"{keys:,.0f} keys"], [seconds], color=AMTSDESK)
    ax.annotate(f"{seconds:.1f} s", (seconds, 0), xytext=(3, 0), textcoords="offset points", va="center",
                fontsize=8)
    ax.axvline(60, color="#c0392b", linestyle="--", linewidth=1, label="goal: 60 s")
    ax.set_xlabel("seconds from the restore's start to the last key imported (lower is better)")
    ax.set_title("Key backup restore from a local Synapse", loc="left")
    ax.legend(loc="lower right")
    save(fig, "backup-restore.png", drawn)
    return None


def workspace_pulses(drawn):
    """The interaction table of workspace-queue.txt: FX pulses over 16 ms per window, per kind of start."""
    text = read("workspace-queue.txt") or ""
    header = re.search(r"^kind of start \(runs\)\s*\|(.*)$", text, re.M)
    if not header:
        return "workspace-queue.txt has no interaction table"
    windows = [cell.strip().split(" ")[0] for cell in header.group(1).split("|")]
    kinds = []
    for line in text[header.end():].splitlines()[1:]:
        cells = line.split(" | ")
        if len(cells) != len(windows) + 1:
            break
        over = [int(m.group(1)) if (m := re.match(r"\s*(\d+) /", cell)) else 0 for cell in cells[1:]]
        kinds.append((cells[0].strip(), over))
    if not kinds:
        return "workspace-queue.txt has an empty interaction table"
    fig, ax = plt.subplots(figsize=(8.5, 3.4))
    width = 0.8 / len(kinds)
    colours = [OTHER, AMTSDESK_AOT, AMTSDESK]
    for i, (kind, over) in enumerate(kinds):
        xs = [x + (i - (len(kinds) - 1) / 2) * width for x in range(len(windows))]
        label_bars(ax, ax.bar(xs, over, width, label=kind, color=colours[i % len(colours)]))
    ax.set_xticks(range(len(windows)))
    ax.set_xticklabels([w.replace("1", " (1st)").replace("2", " (2nd)") for w in windows])
    ax.set_ylabel("FX pulses > 16 ms (median)")
    ax.set_title("Queue of 10,000 cases: FX pulses over 16 ms while using it (goal 0; lower is better)", loc="left",
                 fontsize=10)
    ax.set_ylim(0, max(max(o) for _, o in kinds) * 1.3 + 1)
    ax.legend(loc="upper right", fontsize=8)
    save(fig, "workspace-pulses.png", drawn)
    return None


def main():
    drawn, skipped = [], []
    for chart in (initial_sync, lambda drawn: initial_sync(drawn, "initial-sync-1000"), megolm, startup, startup_to_queue, packaged_memory,
                  lambda drawn: packaged_memory(drawn, "packaged-startup-queue-argon2id.txt", ARGON2ID_MEMORY_MODES,
                                                "packaged-memory-argon2id.png",
                                                "Packaged app with 10,000 cases: Argon2id in Java vs native"),
                  sync_memory, search,
                  store_file, restore, workspace_pulses):
        problem = chart(drawn)
        if problem:
            skipped.append(problem)
    print("drawn: " + ", ".join(str(OUT / d) for d in drawn))
    if skipped:
        print("skipped: " + "; ".join(skipped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
