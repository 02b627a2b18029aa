from libeval.cli import main

main()
