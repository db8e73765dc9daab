"""The intake baseline: the same FastAPI + uvicorn stack, same server settings, answering
`POST /v1/reports` with a constant 202 and doing nothing else (no key check, no broker).

    python -m tools.bench.empty_app PORT [WORKERS]
"""

from __future__ import annotations

import sys

import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from haruul_intake.main import SERVER_STACK


def build() -> FastAPI:
    app = FastAPI(title="bench baseline")

    @app.post("/v1/reports", status_code=202)
    async def submit() -> JSONResponse:
        return JSONResponse(status_code=202, content={"report_id": "-", "status": "accepted"})

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        return JSONResponse({"status": "ready"})

    return app


def main() -> None:
    # As haruul_intake.main does it, with as many workers.
    port, workers = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1
    options = {"host": "127.0.0.1", "port": port, "log_level": "warning", **SERVER_STACK}
    if workers > 1:
        uvicorn.run("tools.bench.empty_app:build", factory=True, workers=workers, **options)
    else:
        uvicorn.run(build(), **options)


if __name__ == "__main__":
    main()
