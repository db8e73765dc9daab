# Runs the engine compiled when a build of its current sources exists (see compiled_engine).
from haruul_scoring.compiled_engine import prefer_compiled

prefer_compiled()
