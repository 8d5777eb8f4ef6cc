from epay_desktop.cli import main

raise SystemExit(main())
