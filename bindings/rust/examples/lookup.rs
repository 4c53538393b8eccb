//! Prints what a pasted query means: `cargo run --example lookup -- "hr=800700CE"`.
fn main() {
    let query = std::env::args().nth(1).unwrap_or_else(|| "32009".to_string());
    for entry in sspr_errors::lookup(&query) {
        println!("{}", entry);
        for (i, step) in entry.steps().enumerate() {
            println!("  {}. {}", i + 1, step);
        }
    }
}
