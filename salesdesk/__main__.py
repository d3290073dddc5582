import multiprocessing

if __name__ == "__main__":
    # Big imports read the file in a worker process ('spawn'). A frozen SalesDesk starts
    # that worker as itself: freeze_support() then runs the worker and exits, before the
    # app is imported.
    multiprocessing.freeze_support()

    from salesdesk.cli import main

    raise SystemExit(main())
