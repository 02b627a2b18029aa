"""The commands: settings in, one call, an `Outcome` out. Each module runs one command of the
command line (cli.py only turns options into settings and writes what comes back): it loads
the inputs, scores, analyses, and asks present/ for the output in the chosen format."""
