//! Packs a grading job (the submission and the project's tests) into one tar archive
//! for the runner's standard input. Only plain files and folders are packed: a symlink
//! in a submission is refused here, before anything reaches the sandbox, and the host
//! never follows a path the submission could have planted.

use crate::GradingMaterial;
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
    let mut builder = tar::Builder::new(Vec::new());
    let mut total = 0u64;
    add_tree(&mut builder, submission_dir, "submission", &mut total)?;
    let spec = serde_json::to_vec(&material.spec).expect("a JSON value serialises");
    let files = std::iter::once(("spec.json", spec.as_slice())).chain(
        material
            .files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_bytes())),
    );
    for (name, data) in files {
        total += data.len() as u64;
        if total > MAX_JOB_BYTES {
            return Err(ArchiveError::TooLarge);
        }
        append_file(&mut builder, &format!("tests/{name}"), data).map_err(io(submission_dir))?;
    }
    builder.into_inner().map_err(io(submission_dir))
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

fn add_tree(
    builder: &mut tar::Builder<Vec<u8>>,
    dir: &Path,
    prefix: &str,
    total: &mut u64,
) -> Result<(), ArchiveError> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(io(dir))?
        .collect::<Result<_, _>>()
        .map_err(io(dir))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        // symlink_metadata: never follow what the submission may have planted.
        let meta = fs::symlink_metadata(&path).map_err(io(&path))?;
        let name = format!("{prefix}/{}", entry.file_name().to_string_lossy());
        if meta.is_dir() {
            add_tree(builder, &path, &name, total)?;
        } else if meta.is_file() {
            *total += meta.len();
            if *total > MAX_JOB_BYTES {
                return Err(ArchiveError::TooLarge);
            }
            let data = fs::read(&path).map_err(io(&path))?;
            append_file(builder, &name, &data).map_err(io(&path))?;
        } else {
            return Err(ArchiveError::NotPlain(path));
        }
    }
    Ok(())
}
