package org.dixian.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An uploaded photo or PDF: its file (by SHA-256), its name, its EXIF evidence, and what it was attached to. */
@Entity
@Table(name = "media")
public class MediaEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "file_name")
    public String fileName;
    public long size;
    @Column(columnDefinition = "bpchar")
    public String sha256;
    public Double latitude;
    public Double longitude;
    @Column(name = "taken_at")
    public String takenAt;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @Column(name = "attached_to")
    public String attachedTo;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "attached_at")
    public OffsetDateTime attachedAt;
}
