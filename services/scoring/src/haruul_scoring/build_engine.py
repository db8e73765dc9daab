"""Compiles the scoring domain with mypyc, and the key pass's Rust crate with cargo, into the
build `compiled_engine` looks for.

    python -m haruul_scoring.build_engine      # `make engine`; nothing to do when it is current

Takes about a minute on this machine (the first time, cargo also fetches two crates from
crates.io); `make run`, `make test` and the benchmarks run it. Where it cannot compile (no C
compiler), it says so and the engine runs as Python; where only cargo is missing, the key pass
runs as Python within the compiled engine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from haruul_scoring.compiled_engine import (
    BUILDS_DIR,
    COMPLETE,
    KEYS_CRATE,
    KEYS_MODULE,
    build_dir,
    compiled_modules,
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
        _build_keys(Path(work), builds_dir.parent / "keys-target")
        (Path(work) / COMPLETE).write_text(target.name + "\n")
        shutil.rmtree(target, ignore_errors=True)
        os.replace(work, target)
        Path(work).mkdir()  # for TemporaryDirectory's clean-up
    for old in builds_dir.iterdir():
        if old != target and not old.name.startswith("tmp-"):
            shutil.rmtree(old, ignore_errors=True)
    return target


def _build_keys(work: Path, target_dir: Path) -> None:
    """The key pass's extension module (`haruul_keys`) into `work`, or a notice why not."""
    try:
        subprocess.run(
            ["cargo", "build", "--release", "--locked", "--quiet"],
            cwd=KEYS_CRATE,
            env={**os.environ, "CARGO_TARGET_DIR": str(target_dir), "PYO3_PYTHON": sys.executable},
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        print(
            f"haruul: the key pass could not be compiled ({error}); it runs as Python, "
            "slower. It needs Rust's cargo and crates.io.",
            file=sys.stderr,
        )
        return
    extension = sysconfig.get_config_var("EXT_SUFFIX")
    shutil.copy2(
        target_dir / "release" / f"lib{KEYS_MODULE}.so", work / f"{KEYS_MODULE}{extension}"
    )


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
