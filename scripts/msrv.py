#!/usr/bin/env python3
"""The minimum supported Rust version, read from the lock file.

Runs `cargo metadata --locked` twice (default features, i.e. with the PDF writer;
then `--no-default-features`), walks the resolved graph from the root package and prints the
highest `rust-version` its dependencies declare, naming the crates that declare it. Exits 1
when Cargo.toml's own `rust-version` is lower than the figure with default features (with or
without the dev-dependencies): the locked crates would not build, or the tests would not, on
the version the README promises. No build; no network when cargo's cache holds the locked
crates (else `cargo metadata` reads them from the registry, as any build would).

The walk follows normal and build dependencies (what `cargo install` builds); the root's
dev-dependencies (what `cargo test` builds) are counted in a second figure. It does not filter
by platform: a dependency for Windows only counts too, since `rust-version` promises every
target. Crates that declare no `rust-version` are not counted.

Usage: python3 scripts/msrv.py   (from anywhere in the repository)
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_KINDS = {None, "build"}
TEST_KINDS = {None, "build", "dev"}


def main() -> int:
    with_pdf = Graph(metadata([]))
    without_pdf = Graph(metadata(["--no-default-features"]))
    declared = with_pdf.root_package()["rust_version"]
    if declared is None:
        print("msrv: Cargo.toml has no `rust-version`", file=sys.stderr)
        return 1

    print(f"msrv: Cargo.toml declares rust-version {declared}")
    rows = [
        ("default features (pdf)", with_pdf, BUILD_KINDS),
        ("default features, with dev-dependencies", with_pdf, TEST_KINDS),
        ("--no-default-features", without_pdf, BUILD_KINDS),
        ("--no-default-features, with dev-dependencies", without_pdf, TEST_KINDS),
    ]
    figures = {}
    for label, graph, kinds in rows:
        version, crates, count = graph.highest(kinds)
        figures[label] = version
        print(f"msrv: {label}: {show(version)} ({count} crates; highest: {names(crates)})")

    # The figure with the PDF writer is what `cargo install` needs; the one with the
    # dev-dependencies is what `cargo test` (and CI on the oldest toolchain) needs.
    needed = max(
        figures["default features (pdf)"],
        figures["default features, with dev-dependencies"],
    )
    if parse(declared) < needed:
        print(
            f"msrv: error: rust-version {declared} is lower than {show(needed)}, "
            "which the locked dependencies declare; raise it in Cargo.toml and the README",
            file=sys.stderr,
        )
        return 1
    return 0


def metadata(extra: list[str]) -> dict:
    """`cargo metadata` for the package, from Cargo.lock as it is: offline first; when a crate
    is not in cargo's cache yet (a fresh CI machine that built for Linux has no Windows-only
    crate), again with the network, still `--locked`."""
    command = ["cargo", "metadata", "--format-version", "1", "--locked", *extra]
    result = run([*command, "--offline"])
    if result.returncode != 0:
        print("msrv: not every locked crate is in cargo's cache; reading them from the registry")
        result = run(command)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"msrv: `{' '.join(command)}` failed with exit code {result.returncode}")
    return json.loads(result.stdout)


def run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=ROOT,
        check=False,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class Graph:
    """The resolved dependency graph of one `cargo metadata` run."""

    def __init__(self, meta: dict):
        self.root = meta["resolve"]["root"]
        if self.root is None:
            raise SystemExit("msrv: run it in the package, not in a virtual workspace")
        self.nodes = {node["id"]: node for node in meta["resolve"]["nodes"]}
        self.packages = {package["id"]: package for package in meta["packages"]}

    def root_package(self) -> dict:
        return self.packages[self.root]

    def highest(self, root_kinds: set) -> tuple[tuple[int, ...], list[str], int]:
        """The highest declared rust-version among the root's dependencies, the crates that
        declare it (`name version`, sorted) and how many crates were visited."""
        reached = self.reachable(root_kinds)
        best: tuple[int, ...] = ()
        crates: list[str] = []
        for package_id in reached:
            package = self.packages[package_id]
            if package["rust_version"] is None:
                continue
            version = parse(package["rust_version"])
            name = f"{package['name']} {package['version']}"
            if version > best:
                best, crates = version, [name]
            elif version == best:
                crates.append(name)
        return best, sorted(crates), len(reached)

    def reachable(self, root_kinds: set) -> set[str]:
        """Package ids reached from the root (the root excluded): through `root_kinds` from the
        root, then through normal and build dependencies."""
        seen = {self.root}
        stack = [self.root]
        while stack:
            package_id = stack.pop()
            kinds = root_kinds if package_id == self.root else BUILD_KINDS
            for dep in self.nodes[package_id]["deps"]:
                if not {k["kind"] for k in dep["dep_kinds"]} & kinds:
                    continue
                if dep["pkg"] not in seen:
                    seen.add(dep["pkg"])
                    stack.append(dep["pkg"])
        seen.discard(self.root)
        return seen


def parse(version: str) -> tuple[int, ...]:
    """`1.92`, `1.92.0` → (1, 92, 0): missing parts are zero, so the two compare equal."""
    parts = tuple(int(part) for part in version.split("."))
    return parts + (0,) * (3 - len(parts))


def names(crates: list[str], shown: int = 4) -> str:
    if len(crates) <= shown:
        return ", ".join(crates)
    return f"{', '.join(crates[:shown])} and {len(crates) - shown} more"


def show(version: tuple[int, ...]) -> str:
    if not version:
        return "none declared"
    major, minor, patch = version
    return f"{major}.{minor}" if patch == 0 else f"{major}.{minor}.{patch}"


if __name__ == "__main__":
    sys.exit(main())
