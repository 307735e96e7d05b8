/**
 * IAM error answers read as botocore reads them (src/sdk/error-body.ts): what the message line
 * says for Code and Message, and what the structured error formats show. Each row was checked
 * against AWS CLI 2.36.7 on a scripted server (test/faults/ runs a few of them end to end).
 */
import { describe, expect, it } from 'vitest';
import { readErrorAnswer } from '../../src/sdk/error-body.js';
import { parseXml } from '../../src/response/xml.js';
import { modeledErrors } from '../../src/model/operations.js';

const NS = 'xmlns="https://iam.amazonaws.com/doc/2010-05-08/"';
const iam = (error: string) => `<ErrorResponse ${NS}><Error>${error}</Error><RequestId>r</RequestId></ErrorResponse>`;

describe('readErrorAnswer', () => {
  it.each([
    // body, code, message, structured fields
    [iam('<Type>Sender</Type><Code>NoSuchEntity</Code><Message>gone</Message>'), 'NoSuchEntity', 'gone', [['Code', 'NoSuchEntity'], ['Message', 'gone']]],
    [iam('<Type>Sender</Type><Code>NoSuchEntity</Code><Message></Message>'), 'NoSuchEntity', null, [['Code', 'NoSuchEntity'], ['Message', null]]],
    [iam('<Type>Sender</Type><Code>NoSuchEntity</Code><Message/>'), 'NoSuchEntity', null, [['Code', 'NoSuchEntity'], ['Message', null]]],
    [iam('<Type>Sender</Type><Code>NoSuchEntity</Code>'), 'NoSuchEntity', undefined, [['Code', 'NoSuchEntity']]],
    [iam('<Type>Sender</Type><Message>Something failed</Message>'), undefined, 'Something failed', [['Message', 'Something failed']]],
    [iam('<Message>first</Message><Code>Throttling</Code>'), 'Throttling', 'first', [['Message', 'first'], ['Code', 'Throttling']]],
    // a modeled member written as the model names it is shown too, after the Error's own keys
    [iam('<Code>NoSuchEntity</Code><message>lower</message>'), 'NoSuchEntity', undefined, [['Code', 'NoSuchEntity'], ['message', 'lower']]],
    [iam('<Code>LimitExceeded</Code><Message>M</Message><message>m</message>'), 'LimitExceeded', 'M', [['Code', 'LimitExceeded'], ['Message', 'M'], ['message', 'm']]],
    // unmodeled codes keep the Error's keys that are code or message in any case, and drop Type
    [iam('<Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message><message>x</message><Detail>d</Detail>'), 'Throttling', 'Rate exceeded', [['Code', 'Throttling'], ['Message', 'Rate exceeded'], ['message', 'x']]],
    // moto nests the Error in Errors; botocore reads the modeled members only under ErrorResponse/Error
    [`<ErrorResponse><Errors><Error><Code>NoSuchEntity</Code><Message>m</Message><message>x</message></Error></Errors></ErrorResponse>`, 'NoSuchEntity', 'm', [['Code', 'NoSuchEntity'], ['Message', 'm'], ['message', 'x']]],
    [`<ErrorResponse><Errors><Error><Code>NoSuchEntity</Code></Error></Errors></ErrorResponse>`, 'NoSuchEntity', undefined, [['Code', 'NoSuchEntity']]],
    ['<Response/>', undefined, undefined, []],
  ] as const)('%s', (body, code, message, fields) => {
    expect(readErrorAnswer(parseXml(body), (c) => modeledErrors[c])).toEqual({ code, message, fields });
  });
});
