//! The blob store: submissions' archives under `<data_dir>/blobs`, named by their
//! sha256 (`ab/abcdef...`). A blob is written to a temporary name in the same folder,
//! flushed to disk, then renamed: a reader sees a whole blob or none. Blobs never
//! change; the same bytes submitted twice are one blob.

use sha2::{Digest, Sha256};
use std::fs::{self, DirBuilder, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct BlobStore {
    root: PathBuf,
}

/// The sha256 of `bytes`, in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn is_sha256(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

impl BlobStore {
    pub fn new(root: impl Into<PathBuf>) -> BlobStore {
        BlobStore { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn path_of(&self, sha: &str) -> io::Result<PathBuf> {
        if !is_sha256(sha) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{sha:?} is not a sha256"),
            ));
        }
        Ok(self.root.join(&sha[..2]).join(sha))
    }

    pub fn exists(&self, sha: &str) -> bool {
        self.path_of(sha).is_ok_and(|path| path.is_file())
    }

    /// Stores `bytes`; returns their sha256 and whether this call created the blob
    /// (false when the same bytes were stored before).
    pub fn put(&self, bytes: &[u8]) -> io::Result<(String, bool)> {
        let sha = sha256_hex(bytes);
        let path = self.path_of(&sha)?;
        if path.is_file() {
            return Ok((sha, false));
        }
        let dir = path.parent().expect("a blob path has a folder");
        DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        let temporary = dir.join(format!(".{sha}.{}.tmp", uuid::Uuid::new_v4().simple()));
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&temporary)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            fs::rename(&temporary, &path)?;
            // The rename itself reaches the disk with the folder.
            fs::File::open(dir)?.sync_all()
        })();
        if let Err(err) = written {
            let _ = fs::remove_file(&temporary);
            return Err(err);
        }
        Ok((sha, true))
    }

    /// A blob's bytes, checked against their name (a damaged blob is an error).
    pub fn get(&self, sha: &str) -> io::Result<Vec<u8>> {
        let bytes = fs::read(self.path_of(sha)?)?;
        if sha256_hex(&bytes) != sha {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("blob {sha} does not match its hash"),
            ));
        }
        Ok(bytes)
    }

    /// Removes a blob that no row refers to (an upload whose row was not written).
    pub fn remove(&self, sha: &str) -> io::Result<()> {
        match fs::remove_file(self.path_of(sha)?) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    /// How many blobs there are (for tests and the queue overview).
    pub fn count(&self) -> usize {
        let Ok(dirs) = fs::read_dir(&self.root) else {
            return 0;
        };
        dirs.flatten()
            .filter_map(|dir| fs::read_dir(dir.path()).ok())
            .flat_map(|entries| entries.flatten())
            .filter(|entry| is_sha256(&entry.file_name().to_string_lossy()))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_are_named_by_content_written_whole_and_checked_on_read() {
        let dir = std::env::temp_dir().join(format!("qadam-blobs-{}", uuid::Uuid::new_v4()));
        let store = BlobStore::new(&dir);
        let (sha, created) = store.put(b"hello").unwrap();
        assert!(created);
        assert_eq!(sha, sha256_hex(b"hello"));
        assert_eq!(store.put(b"hello").unwrap(), (sha.clone(), false));
        assert_eq!(store.get(&sha).unwrap(), b"hello");
        assert_eq!(store.count(), 1);
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(dir.join(&sha[..2]))
            .unwrap()
            .flatten()
            .collect();
        assert_eq!(names.len(), 1);
        fs::write(store.path_of(&sha).unwrap(), b"tampered").unwrap();
        assert!(store.get(&sha).is_err());
        assert!(store.get("../../etc/passwd").is_err());
        store.remove(&sha).unwrap();
        assert_eq!(store.count(), 0);
        fs::remove_dir_all(dir).unwrap();
    }
}
