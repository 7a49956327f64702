//! Packs a grading job (the submission and the project's tests) into one tar archive
//! for the runner's standard input. Only plain files and folders are packed: a symlink
//! in a submission is refused here, before anything reaches the sandbox, and the host
//! never follows a path the submission could have planted.

use crate::GradingMaterial;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The largest job the runner accepts; kept in step with runner.py.
pub const MAX_JOB_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error(
        "{0} is a symbolic link or special file; submissions may contain only files and folders"
    )]
    NotPlain(PathBuf),
    #[error("the submission is larger than {MAX_JOB_BYTES} bytes")]
    TooLarge,
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ArchiveError + '_ {
    move |source| ArchiveError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// `submission/...` from `submission_dir`, then `tests/spec.json` and the hidden
/// `tests/...` files from the project's grading material.
pub fn pack_job(
    submission_dir: &Path,
    material: &GradingMaterial,
) -> Result<Vec<u8>, ArchiveError> {
    pack_layers(&[submission_dir], material)
}

/// [`pack_job`] for a submission made of layers: each folder's files laid over the
/// previous ones' (a known-wrong solution is the reference with a few files changed).
pub fn pack_layers(layers: &[&Path], material: &GradingMaterial) -> Result<Vec<u8>, ArchiveError> {
    let mut paths = BTreeMap::new();
    for layer in layers {
        collect_tree(layer, "", &mut paths)?;
    }
    let mut files = BTreeMap::new();
    let mut total = 0u64;
    for (name, path) in paths {
        // symlink_metadata: never follow what the submission may have planted.
        let meta = fs::symlink_metadata(&path).map_err(io(&path))?;
        total += meta.len();
        if total > MAX_JOB_BYTES {
            return Err(ArchiveError::TooLarge);
        }
        files.insert(name, fs::read(&path).map_err(io(&path))?);
    }
    pack_files(&files, material)
}

/// [`pack_job`] for a submission already in memory (an upload), by path inside it.
pub fn pack_files(
    files: &BTreeMap<String, Vec<u8>>,
    material: &GradingMaterial,
) -> Result<Vec<u8>, ArchiveError> {
    let mut builder = tar::Builder::new(Vec::new());
    let mut total = 0u64;
    let write_error = |source| ArchiveError::Io {
        path: PathBuf::from("<job archive>"),
        source,
    };
    for (name, data) in files {
        total += data.len() as u64;
        if total > MAX_JOB_BYTES {
            return Err(ArchiveError::TooLarge);
        }
        append_file(&mut builder, &format!("submission/{name}"), data).map_err(write_error)?;
    }
    let spec = serde_json::to_vec(&material.spec).expect("a spec serialises");
    let hidden = std::iter::once(("spec.json", spec.as_slice())).chain(
        material
            .files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_bytes())),
    );
    for (name, data) in hidden {
        total += data.len() as u64;
        if total > MAX_JOB_BYTES {
            return Err(ArchiveError::TooLarge);
        }
        append_file(&mut builder, &format!("tests/{name}"), data).map_err(write_error)?;
    }
    builder.into_inner().map_err(write_error)
}

fn append_file(
    builder: &mut tar::Builder<Vec<u8>>,
    name: &str,
    data: &[u8],
) -> std::io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(data.len() as u64);
    header.set_mode(0o644);
    header.set_entry_type(tar::EntryType::Regular);
    builder.append_data(&mut header, name, data)
}

/// Every plain file under `dir` by its name in the archive; anything else is refused.
fn collect_tree(
    dir: &Path,
    prefix: &str,
    files: &mut BTreeMap<String, PathBuf>,
) -> Result<(), ArchiveError> {
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let meta = fs::symlink_metadata(&path).map_err(io(&path))?;
        let file_name = path.file_name().unwrap_or_default().to_string_lossy();
        let name = if prefix.is_empty() {
            file_name.to_string()
        } else {
            format!("{prefix}/{file_name}")
        };
        if meta.is_dir() {
            collect_tree(&path, &name, files)?;
        } else if meta.is_file() {
            files.insert(name, path);
        } else {
            return Err(ArchiveError::NotPlain(path));
        }
    }
    Ok(())
}
