package org.dixian.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

@Entity
@Table(name = "account")
public class AccountEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "phone_enc")
    public String phoneEnc;
    @Column(name = "phone_hash")
    public String phoneHash;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public Role role;
    public String position;
    @Enumerated(EnumType.STRING)
    public AccountStatus status = AccountStatus.ACTIVE;
    @Column(name = "wechat_openid")
    public String wechatOpenid;
    @Column(name = "wechat_unionid")
    public String wechatUnionid;
    @Column(name = "household_id")
    public Long householdId;
    @Column(name = "member_id")
    public Long memberId;
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public Long createdBy;
    @Version
    public int version;
}
