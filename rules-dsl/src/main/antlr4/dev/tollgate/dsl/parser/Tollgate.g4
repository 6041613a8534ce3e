/*
 * The Tollgate rule language. Alternatives are labelled so the AST builder gets one visit method
 * per construct; entry rules are anchored at EOF so trailing text is an error, never ignored.
 * Clause words (severity, category, window, ...) are keywords only where a clause may start:
 * anywhere else they are ordinary identifiers (see `nonReserved`), because analysts' event types
 * use them as field names (`description`, `category`, `type`, `status`).
 */
grammar Tollgate;

ruleSet
    : declaration* EOF
    ;

standaloneExpression
    : expression EOF
    ;

declaration
    : EVENT name=identifier '{' fieldDeclaration* '}'                           #eventDeclaration
    | CONST name=identifier '=' initializer=literal                                    #constDeclaration
    | LIST name=identifier '=' '[' (literal (',' literal)* ','?)? ']'            #inlineListDeclaration
    | LIST name=identifier '=' FILE path=string                                  #fileListDeclaration
    | TABLE name=identifier '=' FILE path=string KEY keyColumn=identifier        #tableDeclaration
    | RULE name=qualifiedName '{' ruleClause* '}'                                #ruleDeclaration
    | AGGREGATE name=qualifiedName '{' aggregateClause* '}'                      #aggregateDeclaration
    | TEST name=string '{' testClause* '}'                                       #testDeclaration
    | ROUTE name=qualifiedName '{' routeClause* '}'                              #routeDeclaration
    ;

fieldDeclaration
    : name=identifier ':' type=identifier
    ;

ruleClause
    : metadataClause                                                             #ruleMetadata
    | ON eventType=identifier                                                    #onClause
    | WHERE expression                                                           #whereClause
    | KEY identifier (',' identifier)*                                           #keyClause
    | WINDOW DURATION                                                            #windowClause
    | HAVING expression                                                          #havingClause
    | PATTERN '{' patternStep (thenStep)* '}'                                    #patternClause
    | WITHIN DURATION                                                            #withinClause
    | DEADLINE expression                                                        #deadlineClause
    | ALERT template=string                                                      #alertClause
    ;

metadataClause
    : SEVERITY level=identifier                                                  #severityClause
    | CATEGORY name=identifier                                                  #categoryClause
    | TITLE text=string                                                         #titleClause
    | DESCRIPTION text=string                                                   #descriptionClause
    | TAGS '[' (string (',' string)* ','?)? ']'                                  #tagsClause
    | OWNER text=string                                                         #ownerClause
    | MODE name=identifier                                                      #modeClause
    | SUPPRESS DURATION                                                          #suppressClause
    ;

patternStep
    : alias=identifier ':' eventType=identifier (WHERE expression)? quantifier?  #eventStep
    | NOT eventType=identifier (WHERE expression)?                               #absentStep
    ;

thenStep
    : THEN NEXT? patternStep
    ;

quantifier
    : REPEAT INTEGER                                                             #repeatExactly
    | REPEAT INTEGER '+'                                                         #repeatAtLeast
    | REPEAT INTEGER '..' INTEGER                                                #repeatBetween
    | OPTIONAL                                                                   #optionalStep
    ;

aggregateClause
    : metadataClause                                                             #aggregateMetadata
    | ON eventType=identifier                                                    #aggregateOn
    | WHERE expression                                                           #aggregateWhere
    | GROUP BY identifier (',' identifier)*                                      #groupByClause
    | WINDOW TUMBLING size=DURATION                                              #tumblingWindow
    | WINDOW SLIDING size=DURATION EVERY slide=DURATION                          #slidingWindow
    | WINDOW SESSION gap=DURATION                                                #sessionWindow
    | SELECT selectItem (',' selectItem)*                                        #selectClause
    | SPIKE expression SEVERITY level=identifier (ALERT template=string)?        #spikeClause
    ;

selectItem
    : expression AS alias=identifier
    ;

// Where alerts go. The destination's settings are clauses of their own so each can be checked
// (and reported when given twice) on its own.
routeClause
    : WHEN expression                                                            #routeWhen
    | TO destination                                                             #routeTo
    | TIMEOUT DURATION                                                           #routeTimeout
    | RETRIES count=INTEGER                                                      #routeRetries
    | BACKOFF DURATION                                                           #routeBackoff
    ;

destination
    : KAFKA topic=string                                                         #kafkaDestination
    | WEBHOOK url=string (SECRET ENV variable=string)?                           #webhookDestination
    ;

testClause
    : RULE target=qualifiedName                                                  #testRule
    | AGGREGATE target=qualifiedName                                             #testAggregate
    | PARAM name=identifier '=' initializer=literal                                    #testParam
    | GIVEN '{' eventLiteral* '}'                                                #givenClause
    | EXPECT NO (ALERTS | ALERT)                                                 #expectNoAlerts
    | EXPECT count=INTEGER (ALERTS | ALERT)                                      #expectAlertCount
    | EXPECT count=INTEGER (RECORDS | RECORD)                                    #expectRecordCount
    | EXPECT ALERT objectLiteral                                                 #expectAlert
    | EXPECT RECORD objectLiteral                                                #expectRecord
    ;

eventLiteral
    : eventType=identifier objectLiteral
    ;

objectLiteral
    : '{' (member (',' member)* ','?)? '}'
    ;

member
    : name=identifier ':' initializer=value
    ;

value
    : literal                                                                    #literalValue
    | '[' (value (',' value)* ','?)? ']'                                         #arrayValue
    | objectLiteral                                                              #objectValue
    | identifier                                                                 #symbolValue
    ;

// Expressions, from loosest to tightest binding.
expression
    : booleanExpression
    ;

booleanExpression
    : NOT booleanExpression                                                      #logicalNot
    | left=booleanExpression AND right=booleanExpression                         #logicalAnd
    | left=booleanExpression OR right=booleanExpression                          #logicalOr
    | valueExpression predicate?                                                 #predicated
    ;

predicate
    : comparisonOperator right=valueExpression                                   #comparison
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression               #between
    | NOT? IN '[' expression (',' expression)* ','? ']'                          #inList
    | NOT? IN listName=identifier                                                #inNamedList
    | IS NOT? NULL                                                               #nullPredicate
    ;

valueExpression
    : primaryExpression                                                          #valueDefault
    | operator=(MINUS | PLUS) valueExpression                                    #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT) right=valueExpression   #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression         #arithmeticBinary
    ;

primaryExpression
    : literal                                                                    #literalExpression
    | name=identifier '(' (expression (',' expression)*)? ')'                    #functionCall
    | table=identifier '[' key=expression ']' '.' column=identifier              #tableLookup
    | identifier                                                                 #reference
    | base=primaryExpression '.' fieldName=identifier                            #dereference
    | '(' expression ')'                                                         #parenthesized
    ;

literal
    : NULL                                                                       #nullLiteral
    | (TRUE | FALSE)                                                             #booleanLiteral
    | MINUS? number                                                              #numericLiteral
    | DURATION                                                                   #durationLiteral
    | string                                                                     #stringLiteral
    ;

number
    : INTEGER
    | DECIMAL_NUMBER
    ;

string
    : STRING
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

qualifiedName
    : identifier ('.' identifier)*
    ;

identifier
    : IDENTIFIER
    | nonReserved
    ;

nonReserved
    : EVENT | CONST | LIST | FILE | TABLE | KEY | RULE | AGGREGATE | TEST
    | ON | WHERE | WINDOW | HAVING | PATTERN | WITHIN | DEADLINE | ALERT
    | SEVERITY | CATEGORY | TITLE | DESCRIPTION | TAGS | OWNER | MODE | SUPPRESS
    | REPEAT | OPTIONAL | GROUP | BY | TUMBLING | SLIDING | SESSION | EVERY | SELECT | AS | SPIKE
    | PARAM | GIVEN | EXPECT | NO | ALERTS | RECORD | RECORDS
    | ROUTE | WHEN | TO | KAFKA | WEBHOOK | SECRET | ENV | TIMEOUT | RETRIES | BACKOFF
    ;

// Reserved: never identifiers.
AND: 'and';
OR: 'or';
NOT: 'not';
IN: 'in';
IS: 'is';
NULL: 'null';
TRUE: 'true';
FALSE: 'false';
BETWEEN: 'between';
THEN: 'then';
NEXT: 'next';

// Clause words: keywords where a clause starts, identifiers elsewhere.
EVENT: 'event';
CONST: 'const';
LIST: 'list';
FILE: 'file';
TABLE: 'table';
KEY: 'key';
RULE: 'rule';
AGGREGATE: 'aggregate';
TEST: 'test';
ON: 'on';
WHERE: 'where';
WINDOW: 'window';
HAVING: 'having';
PATTERN: 'pattern';
WITHIN: 'within';
DEADLINE: 'deadline';
ALERT: 'alert';
SEVERITY: 'severity';
CATEGORY: 'category';
TITLE: 'title';
DESCRIPTION: 'description';
TAGS: 'tags';
OWNER: 'owner';
MODE: 'mode';
SUPPRESS: 'suppress';
REPEAT: 'repeat';
OPTIONAL: 'optional';
GROUP: 'group';
BY: 'by';
TUMBLING: 'tumbling';
SLIDING: 'sliding';
SESSION: 'session';
EVERY: 'every';
SELECT: 'select';
AS: 'as';
SPIKE: 'spike';
PARAM: 'param';
GIVEN: 'given';
EXPECT: 'expect';
NO: 'no';
ALERTS: 'alerts';
RECORD: 'record';
RECORDS: 'records';
ROUTE: 'route';
WHEN: 'when';
TO: 'to';
KAFKA: 'kafka';
WEBHOOK: 'webhook';
SECRET: 'secret';
ENV: 'env';
TIMEOUT: 'timeout';
RETRIES: 'retries';
BACKOFF: 'backoff';

EQ: '==';
NEQ: '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';

DURATION
    : DIGITS ('ms' | 's' | 'm' | 'h' | 'd')
    ;

DECIMAL_NUMBER
    : DIGITS '.' DIGITS
    ;

INTEGER
    : DIGITS
    ;

STRING
    : '"' ( ~["\\\r\n] | '\\' . )* '"'
    ;

// A string that reaches the end of its line without a closing quote; a complete STRING is always
// longer, so it wins. Lexed as one token so the error names the string, not a stray quote.
UNTERMINATED_STRING
    : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )*
    ;

IDENTIFIER
    : [a-zA-Z_] [a-zA-Z0-9_]*
    ;

LINE_COMMENT
    : '#' ~[\r\n]* -> channel(HIDDEN)
    ;

WS
    : [ \t\r\n]+ -> channel(HIDDEN)
    ;

// Anything else becomes a token the parser rejects with a clear message instead of the lexer
// silently dropping it.
UNRECOGNIZED
    : .
    ;

fragment DIGITS
    : [0-9] ('_'? [0-9])*
    ;
