/** What the endpoint tests' loopback servers answer: an empty ListUsers page, as IAM sends it. */
export const EMPTY_LIST_USERS =
  '<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><IsTruncated>false</IsTruncated>' +
  '<Users/></ListUsersResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListUsersResponse>';
