"""Compiles the scoring domain with mypyc, and the engine's Rust crate (`haruul_native`) with
cargo, into the build `compiled_engine` looks for.

    python -m haruul_scoring.build_engine      # `make engine`; nothing to do when it is current

Takes about a minute on this machine (the first time, cargo also fetches two crates from
crates.io); `make run`, `make test` and the benchmarks run it. Where it cannot compile (no C
compiler), it says so and the engine runs as Python; where only cargo is missing, the key pass
and the second reader run as Python within the compiled engine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from haruul_scoring.compiled_engine import (
    BUILDS_DIR,
    COMPLETE,
    NATIVE_CRATE,
    NATIVE_MODULE,
    build_dir,
    compiled_modules,
    native_library,
)


def build(builds_dir: Path = BUILDS_DIR) -> Path:
    """Compile the domain into its build directory (nothing to do when it exists)."""
    target = build_dir(builds_dir)
    if (target / COMPLETE).exists():
        return target
    builds_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=builds_dir, prefix="tmp-") as work:
        package = Path(work) / "haruul_scoring"
        (package / "domain").mkdir(parents=True)
        (package / "__init__.py").touch()
        (package / "domain" / "__init__.py").touch()
        for path in compiled_modules():
            shutil.copy2(path, package / "domain" / path.name)
        mypyc = Path(sys.executable).with_name("mypyc")
        sources = [str(Path("haruul_scoring", "domain", path.name)) for path in compiled_modules()]
        subprocess.run([str(mypyc), *sources], cwd=work, check=True, stdout=subprocess.DEVNULL)
        shutil.rmtree(Path(work) / "build")
        for path in (package / "domain").glob("*.py"):
            path.unlink()  # the build holds only extensions: the sources stay where they are
        _build_native(Path(work), builds_dir.parent / "native-target")
        (Path(work) / COMPLETE).write_text(target.name + "\n")
        shutil.rmtree(target, ignore_errors=True)
        os.replace(work, target)
        Path(work).mkdir()  # for TemporaryDirectory's clean-up
    for old in builds_dir.iterdir():
        if old != target and not old.name.startswith("tmp-"):
            shutil.rmtree(old, ignore_errors=True)
    return target


def _build_native(work: Path, target_dir: Path) -> None:
    """The Rust extension module (`haruul_native`) into `work`, or a notice why not."""
    try:
        subprocess.run(
            ["cargo", "build", "--release", "--locked", "--quiet"],
            cwd=NATIVE_CRATE,
            env={**os.environ, "CARGO_TARGET_DIR": str(target_dir), "PYO3_PYTHON": sys.executable},
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        print(
            f"haruul: the engine's Rust parts could not be compiled ({error}); the key pass "
            "and the second reader run as Python, slower. They need Rust's cargo and crates.io.",
            file=sys.stderr,
        )
        return
    shutil.copy2(target_dir / "release" / f"lib{NATIVE_MODULE}.so", native_library(work))


def main(builds_dir: Path = BUILDS_DIR) -> None:
    try:
        print(f"compiled engine: {build(builds_dir)}")
    except (OSError, subprocess.CalledProcessError) as error:
        # No C compiler or Python headers here: the same engine runs as Python, slower.
        print(
            f"haruul: the scoring engine could not be compiled ({error}); it runs as Python "
            "(about 13% slower). mypyc needs a C compiler and Python's headers.",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
