//! Reads an uploaded submission (`.tar.gz` or `.zip`) into memory, refusing anything
//! that is not a small tree of plain files: absolute or `..` paths, links, devices,
//! too many or too large files, and archives that unpack to far more than they weigh
//! (zip and gzip bombs). Decompression is streamed and stops at the first limit, so a
//! bomb never gets to allocate what it promises. Nothing here touches the disk.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// What an upload may hold. The defaults suit piscine exercises and team projects.
#[derive(Debug, Clone, PartialEq)]
pub struct UploadLimits {
    /// The archive itself, as sent.
    pub max_archive_bytes: u64,
    /// All files together, unpacked.
    pub max_total_bytes: u64,
    pub max_file_bytes: u64,
    pub max_files: usize,
    /// Unpacked bytes per archive byte, beyond the first MiB.
    pub max_ratio: u64,
}

impl Default for UploadLimits {
    fn default() -> Self {
        UploadLimits {
            max_archive_bytes: 4 * 1024 * 1024,
            max_total_bytes: 8 * 1024 * 1024,
            max_file_bytes: 2 * 1024 * 1024,
            max_files: 500,
            max_ratio: 100,
        }
    }
}

/// Unpacked bytes allowed whatever the ratio: small sources compress very well.
const RATIO_FREE_BYTES: u64 = 1024 * 1024;
/// The longest path accepted inside an archive.
const MAX_PATH_BYTES: usize = 255;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveFormat {
    TarGz,
    Zip,
}

impl ArchiveFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ArchiveFormat::TarGz => "tar.gz",
            ArchiveFormat::Zip => "zip",
        }
    }

    /// Told by the first bytes, never by a file name or a header the client set.
    pub fn sniff(bytes: &[u8]) -> Option<ArchiveFormat> {
        if bytes.starts_with(&[0x1f, 0x8b]) {
            Some(ArchiveFormat::TarGz)
        } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            Some(ArchiveFormat::Zip)
        } else {
            None
        }
    }
}

/// An upload's files by their path inside it (`dir/file.c`, `/`-separated).
#[derive(Debug, Clone, PartialEq)]
pub struct SubmittedFiles {
    pub format: ArchiveFormat,
    pub files: BTreeMap<String, Vec<u8>>,
}

impl SubmittedFiles {
    pub fn total_bytes(&self) -> u64 {
        self.files.values().map(|data| data.len() as u64).sum()
    }

    /// An archive of a folder (`tar czf x.tgz mywork/`) holds everything under one
    /// top-level folder: when the required files are not at the top but are all in
    /// that folder, its contents are taken as the submission.
    pub fn unwrap_single_folder(&mut self, required: &[String]) {
        if required.is_empty() || self.missing(required).is_empty() {
            return;
        }
        let mut tops = self.files.keys().map(|path| path.split_once('/'));
        let Some(Some((folder, _))) = tops.next() else {
            return;
        };
        let folder = folder.to_string();
        if !tops.all(|top| matches!(top, Some((f, _)) if f == folder)) {
            return;
        }
        let prefix = format!("{folder}/");
        let inner: BTreeMap<String, Vec<u8>> = std::mem::take(&mut self.files)
            .into_iter()
            .map(|(path, data)| (path[prefix.len()..].to_string(), data))
            .collect();
        self.files = inner;
    }

    /// The required files the upload lacks.
    pub fn missing(&self, required: &[String]) -> Vec<String> {
        required
            .iter()
            .filter(|path| !self.files.contains_key(path.as_str()))
            .cloned()
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UploadError {
    #[error("the archive is empty")]
    Empty,
    #[error("send a .tar.gz or a .zip archive (this one is neither)")]
    UnknownFormat,
    #[error("the archive is larger than {limit} bytes")]
    ArchiveTooLarge { limit: u64 },
    #[error("the files unpack to more than {limit} bytes")]
    UnpackedTooLarge { limit: u64 },
    #[error("{path} is larger than {limit} bytes")]
    FileTooLarge { path: String, limit: u64 },
    #[error("the archive holds more than {limit} files")]
    TooManyFiles { limit: usize },
    #[error(
        "the archive unpacks to more than {ratio} times its size: refused as a compression bomb"
    )]
    CompressionRatio { ratio: u64 },
    #[error("{path:?} is not a safe relative path (absolute, '..', or empty parts are refused)")]
    UnsafePath { path: String },
    #[error("{path} is a {kind}; a submission holds only files and folders")]
    NotPlain { path: String, kind: &'static str },
    #[error("{path} appears twice in the archive")]
    Duplicate { path: String },
    #[error("the archive cannot be read: {0}")]
    Corrupt(String),
}

impl UploadError {
    /// The stable code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            UploadError::Empty => "empty_archive",
            UploadError::UnknownFormat => "unsupported_archive",
            UploadError::ArchiveTooLarge { .. } => "archive_too_large",
            UploadError::UnpackedTooLarge { .. } => "unpacked_too_large",
            UploadError::FileTooLarge { .. } => "file_too_large",
            UploadError::TooManyFiles { .. } => "too_many_files",
            UploadError::CompressionRatio { .. } => "compression_ratio",
            UploadError::UnsafePath { .. } => "unsafe_path",
            UploadError::NotPlain { .. } => "link_or_device",
            UploadError::Duplicate { .. } => "duplicate_path",
            UploadError::Corrupt(_) => "corrupt_archive",
        }
    }
}

/// Unpacks an upload within `limits`.
pub fn unpack(bytes: &[u8], limits: &UploadLimits) -> Result<SubmittedFiles, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    if bytes.len() as u64 > limits.max_archive_bytes {
        return Err(UploadError::ArchiveTooLarge {
            limit: limits.max_archive_bytes,
        });
    }
    let format = ArchiveFormat::sniff(bytes).ok_or(UploadError::UnknownFormat)?;
    let mut budget = Budget::new(bytes.len() as u64, limits);
    let files = match format {
        ArchiveFormat::TarGz => unpack_tar_gz(bytes, &mut budget)?,
        ArchiveFormat::Zip => unpack_zip(bytes, &mut budget)?,
    };
    if files.is_empty() {
        return Err(UploadError::Empty);
    }
    Ok(SubmittedFiles { format, files })
}

/// Counts what has been unpacked against the limits.
struct Budget<'a> {
    archive_bytes: u64,
    limits: &'a UploadLimits,
    files: usize,
    total: u64,
}

impl<'a> Budget<'a> {
    fn new(archive_bytes: u64, limits: &'a UploadLimits) -> Budget<'a> {
        Budget {
            archive_bytes,
            limits,
            files: 0,
            total: 0,
        }
    }

    /// One more entry (file or folder): the count is checked before any content is read.
    fn entry(&mut self) -> Result<(), UploadError> {
        self.files += 1;
        if self.files > self.limits.max_files {
            return Err(UploadError::TooManyFiles {
                limit: self.limits.max_files,
            });
        }
        Ok(())
    }

    /// Unpacked bytes so far may not pass the total, nor the ratio beyond the free MiB.
    fn check_unpacked(&self, unpacked: u64) -> Result<(), UploadError> {
        if unpacked > self.ratio_bound() {
            return Err(UploadError::CompressionRatio {
                ratio: self.limits.max_ratio,
            });
        }
        if unpacked > self.limits.max_total_bytes {
            return Err(UploadError::UnpackedTooLarge {
                limit: self.limits.max_total_bytes,
            });
        }
        Ok(())
    }

    /// A file's size as its entry declares it, before anything is read: past the
    /// compression bound it is a bomb; past the per-file limit, too large.
    fn check_declared(&self, path: &str, declared: u64) -> Result<(), UploadError> {
        if declared > self.ratio_bound() {
            return Err(UploadError::CompressionRatio {
                ratio: self.limits.max_ratio,
            });
        }
        if declared > self.limits.max_file_bytes {
            return Err(UploadError::FileTooLarge {
                path: path.to_string(),
                limit: self.limits.max_file_bytes,
            });
        }
        Ok(())
    }

    fn ratio_bound(&self) -> u64 {
        RATIO_FREE_BYTES.max(self.archive_bytes.saturating_mul(self.limits.max_ratio))
    }

    /// Reads one file's content, at most the per-file limit and what the totals allow.
    fn read_file(&mut self, path: &str, reader: &mut impl Read) -> Result<Vec<u8>, UploadError> {
        let mut data = Vec::new();
        let mut chunk = [0u8; 64 * 1024];
        loop {
            let n = reader
                .read(&mut chunk)
                .map_err(|err| UploadError::Corrupt(format!("{path}: {err}")))?;
            if n == 0 {
                return Ok(data);
            }
            data.extend_from_slice(&chunk[..n]);
            self.total += n as u64;
            if data.len() as u64 > self.limits.max_file_bytes {
                return Err(UploadError::FileTooLarge {
                    path: path.to_string(),
                    limit: self.limits.max_file_bytes,
                });
            }
            self.check_unpacked(self.total)?;
        }
    }
}

/// The path as stored (`dir/file.c`), or why it is refused. `./` prefixes are dropped;
/// a trailing `/` marks a folder.
fn clean_path(raw: &[u8]) -> Result<String, UploadError> {
    let unsafe_path = || UploadError::UnsafePath {
        path: String::from_utf8_lossy(raw).into_owned(),
    };
    let text = std::str::from_utf8(raw).map_err(|_| unsafe_path())?;
    if text.len() > MAX_PATH_BYTES || text.starts_with('/') || text.contains(['\\', '\0']) {
        return Err(unsafe_path());
    }
    let mut parts = Vec::new();
    for part in text.trim_end_matches('/').split('/') {
        match part {
            "." => continue,
            "" | ".." => return Err(unsafe_path()),
            _ if part.chars().any(char::is_control) => return Err(unsafe_path()),
            _ => parts.push(part),
        }
    }
    if parts.is_empty() {
        return Ok(String::new());
    }
    Ok(parts.join("/"))
}

fn insert(
    files: &mut BTreeMap<String, Vec<u8>>,
    path: String,
    data: Vec<u8>,
) -> Result<(), UploadError> {
    if files.contains_key(&path) {
        return Err(UploadError::Duplicate { path });
    }
    files.insert(path, data);
    Ok(())
}

/// A reader that fails once more than `limit` bytes came through it: the gzip stream
/// of a tar is capped before the tar reader sees it (headers count too).
struct Capped<R> {
    inner: R,
    read: u64,
    limit: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(std::io::Error::other(CAPPED));
        }
        Ok(n)
    }
}

const CAPPED: &str = "the unpacked stream passed its limit";

fn unpack_tar_gz(
    bytes: &[u8],
    budget: &mut Budget<'_>,
) -> Result<BTreeMap<String, Vec<u8>>, UploadError> {
    // Every entry costs at least a 512-byte header (two with a long name), so the
    // whole stream is bounded by the files' limit plus their headers.
    let stream_limit = budget
        .ratio_bound()
        .min(budget.limits.max_total_bytes)
        .saturating_add(1536 * (budget.limits.max_files as u64 + 2));
    let stream = Capped {
        inner: flate2::read::GzDecoder::new(Cursor::new(bytes)),
        read: 0,
        limit: stream_limit,
    };
    let mut archive = tar::Archive::new(stream);
    let mut files = BTreeMap::new();
    let corrupt = |err: std::io::Error| {
        if err.to_string().contains(CAPPED) {
            UploadError::CompressionRatio {
                ratio: budget.limits.max_ratio,
            }
        } else {
            UploadError::Corrupt(err.to_string())
        }
    };
    let max_ratio = budget.limits.max_ratio;
    let entries = archive.entries().map_err(corrupt)?;
    for entry in entries {
        let mut entry = entry.map_err(|err| {
            if err.to_string().contains(CAPPED) {
                UploadError::CompressionRatio { ratio: max_ratio }
            } else {
                UploadError::Corrupt(err.to_string())
            }
        })?;
        budget.entry()?;
        let path = clean_path(&entry.path_bytes())?;
        let kind = entry.header().entry_type();
        use tar::EntryType as T;
        match kind {
            T::Directory => continue,
            T::Regular | T::Continuous => {}
            T::Symlink => return Err(not_plain(path, "symbolic link")),
            T::Link => return Err(not_plain(path, "hard link")),
            T::Char | T::Block => return Err(not_plain(path, "device")),
            T::Fifo => return Err(not_plain(path, "named pipe")),
            _ => return Err(not_plain(path, "special entry")),
        }
        if path.is_empty() {
            return Err(UploadError::UnsafePath { path });
        }
        budget.check_declared(&path, entry.header().size().unwrap_or(u64::MAX))?;
        let data = budget
            .read_file(&path, &mut entry)
            .map_err(|err| match err {
                UploadError::Corrupt(message) if message.contains(CAPPED) => {
                    UploadError::CompressionRatio { ratio: max_ratio }
                }
                other => other,
            })?;
        insert(&mut files, path, data)?;
    }
    Ok(files)
}

fn not_plain(path: String, kind: &'static str) -> UploadError {
    UploadError::NotPlain { path, kind }
}

fn unpack_zip(
    bytes: &[u8],
    budget: &mut Budget<'_>,
) -> Result<BTreeMap<String, Vec<u8>>, UploadError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| UploadError::Corrupt(err.to_string()))?;
    if archive.len() > budget.limits.max_files {
        return Err(UploadError::TooManyFiles {
            limit: budget.limits.max_files,
        });
    }
    let mut files = BTreeMap::new();
    for index in 0..archive.len() {
        let mut file = archive
            .by_index(index)
            .map_err(|err| UploadError::Corrupt(err.to_string()))?;
        budget.entry()?;
        let path = clean_path(file.name_raw())?;
        // The Unix file type, when the archive was made on Unix.
        let file_type = file.unix_mode().map(|mode| mode & 0o170000);
        match file_type {
            Some(0o120000) => return Err(not_plain(path, "symbolic link")),
            Some(0o020000 | 0o060000) => return Err(not_plain(path, "device")),
            Some(0o010000) => return Err(not_plain(path, "named pipe")),
            Some(0o140000) => return Err(not_plain(path, "socket")),
            _ => {}
        }
        if file.is_dir() {
            continue;
        }
        if path.is_empty() {
            return Err(UploadError::UnsafePath { path });
        }
        budget.check_declared(&path, file.size())?;
        // The declared size may lie: what is read is what counts.
        let data = budget.read_file(&path, &mut file)?;
        insert(&mut files, path, data)?;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn tar_gz(entries: &[(&str, tar::EntryType, &[u8])]) -> Vec<u8> {
        let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let mut builder = tar::Builder::new(gz);
        for (path, kind, data) in entries {
            let mut header = tar::Header::new_gnu();
            header.set_entry_type(*kind);
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            // set_path refuses `..`; write the raw name as a hostile client would.
            let name = &mut header.as_old_mut().name;
            name[..path.len()].copy_from_slice(path.as_bytes());
            if *kind == tar::EntryType::Symlink {
                header.set_link_name("/etc/passwd").unwrap();
            }
            header.set_cksum();
            builder.append(&header, *data).unwrap();
        }
        builder.into_inner().unwrap().finish().unwrap()
    }

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (path, data) in entries {
            writer.start_file(*path, options).unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn limits() -> UploadLimits {
        UploadLimits::default()
    }

    #[test]
    fn plain_files_unpack_from_both_formats() {
        let regular = tar::EntryType::Regular;
        let tar = tar_gz(&[
            ("./ft_strlen.c", regular, b"int x;"),
            ("src/a.h", regular, b""),
        ]);
        let got = unpack(&tar, &limits()).unwrap();
        assert_eq!(got.format, ArchiveFormat::TarGz);
        assert_eq!(
            got.files.keys().collect::<Vec<_>>(),
            ["ft_strlen.c", "src/a.h"]
        );
        let zip = zip_of(&[("ft_strlen.c", b"int x;")]);
        let got = unpack(&zip, &limits()).unwrap();
        assert_eq!(got.format, ArchiveFormat::Zip);
        assert_eq!(got.files["ft_strlen.c"], b"int x;");
    }

    #[test]
    fn hostile_paths_and_entries_are_refused_with_their_code() {
        let regular = tar::EntryType::Regular;
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (tar_gz(&[("../evil.c", regular, b"x")]), "unsafe_path"),
            (tar_gz(&[("/etc/cron.d/x", regular, b"x")]), "unsafe_path"),
            (tar_gz(&[("a/../../b", regular, b"x")]), "unsafe_path"),
            (
                tar_gz(&[("link", tar::EntryType::Symlink, b"")]),
                "link_or_device",
            ),
            (
                tar_gz(&[("hard", tar::EntryType::Link, b"")]),
                "link_or_device",
            ),
            (
                tar_gz(&[("dev", tar::EntryType::Char, b"")]),
                "link_or_device",
            ),
            (
                tar_gz(&[("a.c", regular, b"1"), ("./a.c", regular, b"2")]),
                "duplicate_path",
            ),
            (zip_of(&[("../x.c", b"x")]), "unsafe_path"),
            (zip_of(&[("a\\..\\x.c", b"x")]), "unsafe_path"),
            (b"hello, not an archive".to_vec(), "unsupported_archive"),
            (Vec::new(), "empty_archive"),
        ];
        for (bytes, code) in cases {
            let err = unpack(&bytes, &limits()).unwrap_err();
            assert_eq!(err.code(), code, "{err}");
        }
    }

    #[test]
    fn bombs_and_floods_stop_at_their_limit() {
        let zeros = vec![0u8; 20 * 1024 * 1024];
        let bomb = tar_gz(&[("zeros.c", tar::EntryType::Regular, &zeros)]);
        assert!(bomb.len() < 100 * 1024, "a bomb is small: {}", bomb.len());
        let small = UploadLimits {
            max_file_bytes: 64 * 1024 * 1024,
            max_total_bytes: 64 * 1024 * 1024,
            ..limits()
        };
        assert_eq!(
            unpack(&bomb, &small).unwrap_err().code(),
            "compression_ratio"
        );
        let zip_bomb = zip_of(&[("zeros.c", &zeros)]);
        assert_eq!(
            unpack(&zip_bomb, &small).unwrap_err().code(),
            "compression_ratio"
        );

        let names: Vec<String> = (0..2000).map(|i| format!("f{i}")).collect();
        let many: Vec<(&str, tar::EntryType, &[u8])> = names
            .iter()
            .map(|n| (n.as_str(), tar::EntryType::Regular, &b""[..]))
            .collect();
        assert_eq!(
            unpack(&tar_gz(&many), &limits()).unwrap_err().code(),
            "too_many_files"
        );

        let big = vec![b'a'; 3 * 1024 * 1024];
        let random_ish: Vec<u8> = (0..3 * 1024 * 1024u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        let tight = UploadLimits {
            max_file_bytes: 1024 * 1024,
            max_archive_bytes: 64 * 1024 * 1024,
            ..limits()
        };
        assert_eq!(
            unpack(&zip_of(&[("r.bin", &random_ish)]), &tight)
                .unwrap_err()
                .code(),
            "file_too_large"
        );
        let err = unpack(
            &tar_gz(&[("big", tar::EntryType::Regular, &big)]),
            &limits(),
        )
        .unwrap_err();
        assert!(
            matches!(err.code(), "file_too_large" | "compression_ratio"),
            "{err}"
        );
        let too_big = UploadLimits {
            max_archive_bytes: 10,
            ..limits()
        };
        assert_eq!(
            unpack(&zip_of(&[("a", b"a")]), &too_big)
                .unwrap_err()
                .code(),
            "archive_too_large"
        );
    }

    #[test]
    fn a_single_wrapping_folder_is_unwrapped_when_it_holds_the_required_files() {
        let regular = tar::EntryType::Regular;
        let bytes = tar_gz(&[
            ("work/ft_strlen.c", regular, b"x"),
            ("work/notes", regular, b""),
        ]);
        let mut files = unpack(&bytes, &limits()).unwrap();
        let required = vec!["ft_strlen.c".to_string()];
        assert_eq!(files.missing(&required), ["ft_strlen.c"]);
        files.unwrap_single_folder(&required);
        assert!(files.missing(&required).is_empty());
        assert!(files.files.contains_key("notes"));
    }
}
