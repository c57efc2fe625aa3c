def test_spark_session_is_utc(spark):
    assert spark.conf.get("spark.sql.session.timeZone") == "UTC"
    assert spark.sql("SELECT 1 + 1 AS x").collect()[0].x == 2
