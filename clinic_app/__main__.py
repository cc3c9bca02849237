from clinic_app.cli import main

raise SystemExit(main())
