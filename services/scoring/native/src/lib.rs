//! The scoring engine's compiled parts (`haruul_native`), each beside the Python it stands in
//! for, which stays the reference: `keys` for `prefilter.Index.met_units`, `reader` for
//! `second_reader.read`. Built by `make engine` (`haruul_scoring.build_engine`).

use pyo3::prelude::*;

mod keys;
mod reader;

#[pymodule]
fn haruul_native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<keys::KeyIndex>()?;
    module.add_class::<reader::WordReader>()?;
    Ok(())
}
