package dev.tollgate.jobs.ruletest;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.dsl.types.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The types of what a test's target outputs, for comparing and showing values: its key fields (a
 * rule's key, an aggregate's group fields) and, for an aggregate, the members of its records in
 * output order.
 */
record Shape(Map<String, ValueType> keyTypes, Map<String, ValueType> recordTypes) {

  static Shape of(TestPlan test) {
    Map<String, ValueType> keys = new LinkedHashMap<>();
    Map<String, ValueType> record = new LinkedHashMap<>();
    RulePlan rule = test.rule();
    if (rule != null) {
      for (int i = 0; i < rule.key().fields().size(); i++) {
        keys.put(rule.key().fields().get(i), rule.key().types().get(i));
      }
    } else {
      AggregatePlan aggregate = test.aggregate();
      record.put("window_start", ValueType.TIMESTAMP);
      record.put("window_end", ValueType.TIMESTAMP);
      for (AggregatePlan.GroupField group : aggregate.groupBy()) {
        keys.put(group.name(), group.type());
        record.put(group.name(), group.type());
      }
      for (AggregatePlan.SelectItem item : aggregate.select()) {
        record.put(item.name(), item.aggregate().type());
      }
    }
    return new Shape(keys, record);
  }

  ValueType keyType(String field) {
    return keyTypes.getOrDefault(field, ValueType.STRING);
  }

  ValueType recordType(String member) {
    return recordTypes.getOrDefault(member, ValueType.STRING);
  }
}
