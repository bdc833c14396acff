package org.dixian.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "region")
public class RegionEntity {
    @Id
    @Column(columnDefinition = "bpchar")
    public String code;
    public String name;
    public short level;
    @Column(name = "parent_code", columnDefinition = "bpchar")
    public String parentCode;

    public Region view() {
        return new Region(code, name, level, parentCode);
    }
}
