mod postcodes;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("postcodes") => postcodes::run(&args[1..]),
        _ => Err("usage: cargo xtask <serve|test|postcodes>".to_string()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}
