# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SyncExportDialog(object):
    def setupUi(self, SyncExportDialog):
        if not SyncExportDialog.objectName():
            SyncExportDialog.setObjectName(u"SyncExportDialog")
        SyncExportDialog.resize(720, 520)
        self.main_layout = QVBoxLayout(SyncExportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(SyncExportDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.network_label = QLabel(SyncExportDialog)
        self.network_label.setObjectName(u"network_label")
        self.network_label.setWordWrap(True)
        self.network_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.network_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.drive_caption = QLabel(SyncExportDialog)
        self.drive_caption.setObjectName(u"drive_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.drive_caption)

        self.drive_layout = QHBoxLayout()
        self.drive_layout.setObjectName(u"drive_layout")
        self.drive_combo = QComboBox(SyncExportDialog)
        self.drive_combo.setObjectName(u"drive_combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.drive_combo.sizePolicy().hasHeightForWidth())
        self.drive_combo.setSizePolicy(sizePolicy)

        self.drive_layout.addWidget(self.drive_combo)

        self.refresh_button = QPushButton(SyncExportDialog)
        self.refresh_button.setObjectName(u"refresh_button")

        self.drive_layout.addWidget(self.refresh_button)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.drive_layout)

        self.folder_caption = QLabel(SyncExportDialog)
        self.folder_caption.setObjectName(u"folder_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.folder_caption)

        self.folder_layout = QHBoxLayout()
        self.folder_layout.setObjectName(u"folder_layout")
        self.folder_edit = QLineEdit(SyncExportDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_layout.addWidget(self.folder_edit)

        self.browse_button = QPushButton(SyncExportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_layout.addWidget(self.browse_button)


        self.form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.folder_layout)

        self.peer_caption = QLabel(SyncExportDialog)
        self.peer_caption.setObjectName(u"peer_caption")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.peer_caption)

        self.peer_combo = QComboBox(SyncExportDialog)
        self.peer_combo.setObjectName(u"peer_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.peer_combo)


        self.main_layout.addLayout(self.form_layout)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")
        self.action_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_layout.addItem(self.action_spacer)

        self.export_button = QPushButton(SyncExportDialog)
        self.export_button.setObjectName(u"export_button")

        self.action_layout.addWidget(self.export_button)


        self.main_layout.addLayout(self.action_layout)

        self.result_caption = QLabel(SyncExportDialog)
        self.result_caption.setObjectName(u"result_caption")

        self.main_layout.addWidget(self.result_caption)

        self.result_list = QListWidget(SyncExportDialog)
        self.result_list.setObjectName(u"result_list")
        self.result_list.setWordWrap(True)
        self.result_list.setAlternatingRowColors(True)

        self.main_layout.addWidget(self.result_list)

        self.status_label = QLabel(SyncExportDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.button_box = QDialogButtonBox(SyncExportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.drive_caption.setBuddy(self.drive_combo)
        self.folder_caption.setBuddy(self.folder_edit)
        self.peer_caption.setBuddy(self.peer_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.drive_combo, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.folder_edit)
        QWidget.setTabOrder(self.folder_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.peer_combo)
        QWidget.setTabOrder(self.peer_combo, self.export_button)
        QWidget.setTabOrder(self.export_button, self.result_list)

        self.retranslateUi(SyncExportDialog)

        self.export_button.setDefault(True)

    # setupUi

    def retranslateUi(self, SyncExportDialog):
        SyncExportDialog.setWindowTitle(QCoreApplication.translate("SyncExportDialog", u"Xu\u1ea5t d\u1eef li\u1ec7u ra USB", None))
        self.intro_label.setText(QCoreApplication.translate("SyncExportDialog", u"Ghi nh\u1eefng thay \u0111\u1ed5i m\u00e0 m\u00e1y nh\u1eadn ch\u01b0a c\u00f3 th\u00e0nh g\u00f3i d\u1eef li\u1ec7u (.hcb) tr\u00ean USB ho\u1eb7c th\u01b0 m\u1ee5c d\u00f9ng chung. M\u1ed7i m\u00e1y nh\u1eadn c\u00f3 m\u1ed9t g\u00f3i ri\u00eang; mang USB t\u1edbi m\u00e1y \u0111\u00f3 v\u00e0 ch\u1ecdn \u201cNh\u1eadp d\u1eef li\u1ec7u t\u1eeb USB\u201d.", None))
        self.network_label.setText("")
        self.drive_caption.setText(QCoreApplication.translate("SyncExportDialog", u"\u1ed4 &USB:", None))
#if QT_CONFIG(tooltip)
        self.refresh_button.setToolTip(QCoreApplication.translate("SyncExportDialog", u"T\u00ecm l\u1ea1i c\u00e1c \u1ed5 \u0111\u0129a v\u1eeba c\u1eafm v\u00e0o", None))
#endif // QT_CONFIG(tooltip)
        self.refresh_button.setText(QCoreApplication.translate("SyncExportDialog", u"&L\u00e0m m\u1edbi", None))
        self.folder_caption.setText(QCoreApplication.translate("SyncExportDialog", u"&Th\u01b0 m\u1ee5c ghi:", None))
        self.folder_edit.setPlaceholderText(QCoreApplication.translate("SyncExportDialog", u"Ch\u1ecdn \u1ed5 USB \u1edf tr\u00ean ho\u1eb7c m\u1ed9t th\u01b0 m\u1ee5c", None))
        self.browse_button.setText(QCoreApplication.translate("SyncExportDialog", u"&Ch\u1ecdn\u2026", None))
        self.peer_caption.setText(QCoreApplication.translate("SyncExportDialog", u"&G\u1eedi cho:", None))
        self.export_button.setText(QCoreApplication.translate("SyncExportDialog", u"&Xu\u1ea5t d\u1eef li\u1ec7u", None))
        self.result_caption.setText(QCoreApplication.translate("SyncExportDialog", u"<b>K\u1ebft qu\u1ea3</b>", None))
        self.status_label.setText("")
    # retranslateUi

