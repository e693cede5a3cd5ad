"""The file to give spark-submit (it runs a file, not a module): chronicle's command line.

    spark-submit [spark options] "$(python -c 'import chronicle.runners.spark_submit as m; print(m.__file__)')" \
        run --engine spark INPUT... --out DIR

Under spark-submit the session takes the master and resources spark-submit configured.
"""

from chronicle.cli import main

if __name__ == "__main__":
    main()
