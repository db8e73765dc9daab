"""The engine compiled, used only when it was built from exactly these sources.

The domain package is plain, typed Python; mypyc (part of mypy, already the project's type
checker) compiles the same modules to a C extension that runs `assess` about a fifth faster
(BENCHMARKS.md). A build lives in `build/engine/<hash of the domain's sources>/`, outside the
source tree, so an edited module can never be shadowed by a stale build: its hash no longer
matches, and the engine runs as Python until the build is made again. `haruul_scoring`'s
`__init__` calls `prefer_compiled()` before anything imports the domain's modules;
`build_engine` makes the build. `HARUUL_SCORING_COMPILED=0` runs the engine as Python even
when a build exists (to step through it in a debugger, or to compare the two).

The build also holds parts of the engine compiled from Rust (`haruul_native`, from
`services/scoring/native/`): the key pass's bookkeeping and the second reader, which
`prefilter` and `second_reader` use when it has been loaded; without it the same work runs in
Python (`prefilter.Index.met_units`, `second_reader.read`), which stays the reference.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import sysconfig
from pathlib import Path

import haruul_scoring.domain as domain

DOMAIN_DIR = Path(domain.__file__).parent
# <repo>/services/scoring/src/haruul_scoring/compiled_engine.py -> <repo>/build/engine
BUILDS_DIR = Path(__file__).resolve().parents[4] / "build" / "engine"
# The Rust crate: <repo>/services/scoring/native
NATIVE_CRATE = Path(__file__).resolve().parents[2] / "native"
NATIVE_MODULE = "haruul_native"
COMPLETE = "complete"  # written last, so a build cut short is never used
SWITCH = "HARUUL_SCORING_COMPILED"
_EXTENSION = sysconfig.get_config_var("EXT_SUFFIX")  # .cpython-311-x86_64-linux-gnu.so


def compiled_modules() -> list[Path]:
    """The modules mypyc compiles: all of the domain but its `__init__`, which stays Python so
    that importing the package never needs the build."""
    return sorted(path for path in DOMAIN_DIR.glob("*.py") if path.name != "__init__.py")


def crate_sources() -> list[Path]:
    """The Rust crate's sources, its manifest and its lock file."""
    return sorted(
        [NATIVE_CRATE / "Cargo.toml", NATIVE_CRATE / "Cargo.lock", *NATIVE_CRATE.glob("src/*.rs")]
    )


def sources_hash() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in [*compiled_modules(), *crate_sources()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_dir(builds_dir: Path = BUILDS_DIR) -> Path:
    return builds_dir / sources_hash()


def native_library(build: Path) -> Path:
    """Where a build keeps the Rust extension module (absent when cargo was missing)."""
    return build / f"{NATIVE_MODULE}{_EXTENSION}"


def prefer_compiled(builds_dir: Path = BUILDS_DIR) -> bool:
    """Put the current build, if there is one, ahead of the sources; True when it is in use.

    Must run before any domain module is imported: one already imported stays as it is.
    """
    switch = os.environ.get(SWITCH, "1")
    if switch not in ("0", "1"):
        raise ValueError(f"{SWITCH} must be 0 (run the engine as Python) or 1, not {switch!r}")
    if switch == "0":
        return False
    build = build_dir(builds_dir)
    if not (build / COMPLETE).exists():
        return False
    runtimes = list(build.glob(f"*__mypyc{_EXTENSION}"))
    if len(runtimes) != 1:
        return False
    # The compiled modules share one C library, imported by its top-level name.
    if not _load(runtimes[0].name.removesuffix(_EXTENSION), runtimes[0]):
        return False
    if native_library(build).exists():  # a build made where Rust was missing has none
        _load(NATIVE_MODULE, native_library(build))
    compiled_domain = str(build / "haruul_scoring" / "domain")
    if compiled_domain not in domain.__path__:
        domain.__path__.insert(0, compiled_domain)
    return True


def _load(name: str, library: Path) -> bool:
    """Import an extension module by its top-level name from a build (once)."""
    if name in sys.modules:
        return True
    spec = importlib.util.spec_from_file_location(name, library)
    if spec is None or spec.loader is None:
        return False
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[name] = module
    return True


def will_run_compiled(builds_dir: Path = BUILDS_DIR) -> bool:
    """Whether a process started now would run the engine from a build (without importing it)."""
    return os.environ.get(SWITCH, "1") == "1" and (build_dir(builds_dir) / COMPLETE).exists()


def describe_build(builds_dir: Path = BUILDS_DIR) -> str:
    """How a process started now would run the engine, for benchmark reports."""
    if not will_run_compiled(builds_dir):
        return "Python"
    if native_library(build_dir(builds_dir)).exists():
        return "compiled (mypyc; key pass and second reader in Rust)"
    return "compiled (mypyc; key pass and second reader in Python)"


def is_compiled(module_name: str = "haruul_scoring.domain.engine") -> bool:
    """Whether that domain module, once imported, runs from the build."""
    module = sys.modules.get(module_name) or importlib.import_module(module_name)
    return str(getattr(module, "__file__", "")).endswith(_EXTENSION)
