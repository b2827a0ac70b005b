package io.tierline.local;

/** The fixed identity of the local AWS world: one region, one account, static keys that the emulators accept. */
public final class LocalAccount {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    /** DynamoDB Local 2.x rejects access key ids with anything but letters and digits ("invalid security token"). */
    public static final String ACCESS_KEY_ID = "tierlinelocal";
    public static final String SECRET_ACCESS_KEY = "tierlinelocal";

    private LocalAccount() {
    }

    /** {@code arn:aws:<service>:us-east-1:000000000000:<resource>} */
    public static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT_ID + ":" + resource;
    }
}
