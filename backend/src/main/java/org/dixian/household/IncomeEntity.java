package org.dixian.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;

@Entity
@Table(name = "household_income")
@IdClass(IncomeEntity.Key.class)
public class IncomeEntity {
    public record Key(Long householdId, Short year) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "household_id")
    public Long householdId;
    @Id
    public Short year;
    public BigDecimal wage;
    public BigDecimal production;
    public BigDecimal property;
    public BigDecimal transfer;
    @Column(name = "production_cost")
    public BigDecimal productionCost;
    public short members;
    @Column(name = "per_capita_net")
    public BigDecimal perCapitaNet;

    Income view() {
        return new Income(year, wage, production, property, transfer, productionCost, members, perCapitaNet);
    }
}
