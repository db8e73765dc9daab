"""Generate every contract artefact from its source, or check that the committed ones are current.

    python tools/contracts.py generate   # proto/ -> proto/python/, models -> proto/kafka/
    python tools/contracts.py check      # exit 1 naming each stale file

gRPC stubs come from `proto/haruul/**/*.proto` (grpcio-tools + mypy-protobuf, pinned in
requirements.lock, so the output is reproducible); the Kafka payload JSON Schemas come from the
pydantic models in `haruul_common.events`, which are the single source of the payload shape.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROTO_DIR = ROOT / "proto"
PYTHON_OUT = PROTO_DIR / "python"
SCHEMA_OUT = PROTO_DIR / "kafka"
GENERATED_PACKAGE = Path("haruul")


def _protos() -> list[str]:
    return sorted(str(p.relative_to(PROTO_DIR)) for p in (PROTO_DIR / "haruul").rglob("*.proto"))


def generate_grpc(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"-I{PROTO_DIR}",
            f"--python_out={out_dir}",
            f"--grpc_python_out={out_dir}",
            f"--mypy_out={out_dir}",
            f"--mypy_grpc_out={out_dir}",
            *_protos(),
        ],
        check=True,
        cwd=PROTO_DIR,
        env=env,
    )
    # protoc writes modules only; the folders must be packages for imports and mypy.
    for folder in [p for p in (out_dir / GENERATED_PACKAGE).rglob("*") if p.is_dir()] + [
        out_dir / GENERATED_PACKAGE
    ]:
        (folder / "__init__.py").touch()
    (out_dir / GENERATED_PACKAGE / "py.typed").touch()


def generate_schemas(out_dir: Path) -> None:
    from haruul_common.events import PAYLOAD_MODELS

    out_dir.mkdir(parents=True, exist_ok=True)
    for topic_name, model in PAYLOAD_MODELS.items():
        schema = model.model_json_schema()
        schema["$id"] = f"https://haruul.example/schemas/{topic_name}.schema.json"
        text = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        (out_dir / f"{topic_name}.schema.json").write_text(text, encoding="utf-8")


def generate(python_out: Path, schema_out: Path) -> None:
    generate_grpc(python_out)
    generate_schemas(schema_out)


def _stale(expected_dir: Path, actual_dir: Path, pattern: str) -> list[str]:
    stale: list[str] = []
    expected = {p.relative_to(expected_dir) for p in expected_dir.rglob(pattern) if p.is_file()}
    actual = {p.relative_to(actual_dir) for p in actual_dir.rglob(pattern) if p.is_file()}
    for rel in sorted(expected | actual):
        a, b = expected_dir / rel, actual_dir / rel
        if not (a.exists() and b.exists() and filecmp.cmp(a, b, shallow=False)):
            stale.append(str(actual_dir / rel))
    return stale


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh_python, fresh_schemas = Path(tmp, "python"), Path(tmp, "kafka")
        generate(fresh_python, fresh_schemas)
        stale = _stale(fresh_python / GENERATED_PACKAGE, PYTHON_OUT / GENERATED_PACKAGE, "*.py*")
        stale += _stale(fresh_schemas, SCHEMA_OUT, "*.schema.json")
    for path in stale:
        print(f"stale generated file: {path} (run `make generate`)", file=sys.stderr)
    if not stale:
        print("generated contracts are current")
    return 1 if stale else 0


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "generate":
        if (PYTHON_OUT / GENERATED_PACKAGE).exists():
            shutil.rmtree(PYTHON_OUT / GENERATED_PACKAGE)
        generate(PYTHON_OUT, SCHEMA_OUT)
        return 0
    if command == "check":
        return check()
    print("usage: contracts.py generate|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
