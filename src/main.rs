//! The `qadam` binary. Everything lives in the `qadam-cli` crate; this file stays thin.

fn main() -> std::process::ExitCode {
    qadam_cli::main()
}
