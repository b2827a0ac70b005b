package io.tierline.local;

/** What the deployed resources of a template answer to {@code !Ref} and {@code !GetAtt}, locally. */
public interface ResourceAttributes {

    /** The value of {@code !Ref logicalId}, or null if the resource is not known. */
    String ref(String logicalId);

    /** The value of {@code !GetAtt logicalId.attribute}, or null if the resource or attribute is not known. */
    String getAtt(String logicalId, String attribute);
}
