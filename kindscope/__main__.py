from kindscope.cli import main

main()
